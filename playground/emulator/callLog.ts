/**
 * Every Apps Script call the add-on makes against the emulator, recorded as
 * "Class.method" with a kind. The kinds are what the call costs in real Sheets:
 *
 * - read:    reads document content or structure (a round trip).
 * - write:   changes the document, on any object (a round trip).
 * - service: Lock, Properties, Session, flush, toast (a round trip, not the document).
 * - handle:  builds a reference locally (getRange, getSheet, getA1Notation, newChart…); free.
 * - builder: methods of local value objects and their builders (rules, styles, chart builders); free.
 *
 * `documentCalls` (read + write + service) is what the build's budget of
 * service calls is measured on. CALL_KINDS below is the one table that decides;
 * a call to a method missing from it throws, so the table can't fall behind.
 */

export type CallKind = "read" | "write" | "handle" | "builder" | "service";

type KindTable = Partial<Record<CallKind, readonly string[] | "*">>;

export const CALL_KINDS: Record<string, KindTable> = {
  SpreadsheetApp: {
    handle: ["getActiveSpreadsheet", "getActive", "newDataValidation", "newConditionalFormatRule", "newTextStyle"],
    read: ["getActiveSheet"],
    service: ["flush"],
  },
  Spreadsheet: {
    handle: ["getId", "getRange", "getRangeList", "createDeveloperMetadataFinder"],
    read: [
      "getName",
      "getUrl",
      "getSpreadsheetTimeZone",
      "getSpreadsheetLocale",
      "getRecalculationInterval",
      "getSheets",
      "getNumSheets",
      "getSheetByName",
      "getSheetById",
      "getActiveSheet",
      "getNamedRanges",
      "getRangeByName",
      "getEditors",
      "getOwner",
      "getDeveloperMetadata",
    ],
    write: [
      "rename",
      "setSpreadsheetTimeZone",
      "setRecalculationInterval",
      "setSpreadsheetLocale",
      "insertSheet",
      "deleteSheet",
      "setActiveSheet",
      "setNamedRange",
      "removeNamedRange",
      "addEditor",
      "addEditors",
      "removeEditor",
      "addDeveloperMetadata",
    ],
    service: ["toast"],
  },
  Sheet: {
    handle: ["getSheetId", "getParent", "getRange", "getRangeList", "newChart", "createDeveloperMetadataFinder"],
    read: [
      "getName",
      "getIndex",
      "getDataRange",
      "getMaxRows",
      "getMaxColumns",
      "getLastRow",
      "getLastColumn",
      "getFrozenRows",
      "getFrozenColumns",
      "getColumnWidth",
      "getRowHeight",
      "getTabColor",
      "isSheetHidden",
      "getCharts",
      "getConditionalFormatRules",
      "getProtections",
      "getDeveloperMetadata",
    ],
    write: [
      "setName",
      "activate",
      "insertRowsAfter",
      "insertRowsBefore",
      "insertRowAfter",
      "insertRowBefore",
      "insertColumnsAfter",
      "insertColumnsBefore",
      "deleteRows",
      "deleteRow",
      "deleteColumns",
      "deleteColumn",
      "setFrozenRows",
      "setFrozenColumns",
      "setColumnWidth",
      "setColumnWidths",
      "setRowHeight",
      "setRowHeights",
      "setTabColor",
      "hideSheet",
      "showSheet",
      "clear",
      "clearContents",
      "clearFormats",
      "insertChart",
      "updateChart",
      "removeChart",
      "setConditionalFormatRules",
      "clearConditionalFormatRules",
      "protect",
      "moveRows",
      "moveColumns",
      "addDeveloperMetadata",
    ],
  },
  Range: {
    handle: [
      "getRow",
      "getColumn",
      "getNumRows",
      "getNumColumns",
      "getLastRow",
      "getLastColumn",
      "getA1Notation",
      "getSheet",
      "getGridId",
      "getCell",
      "offset",
      "createDeveloperMetadataFinder",
    ],
    read: [
      "getValues",
      "getValue",
      "getDisplayValues",
      "getDisplayValue",
      "getFormulas",
      "getFormula",
      "getNumberFormats",
      "getNumberFormat",
      "getBackgrounds",
      "getBackground",
      "getFontColors",
      "getFontColor",
      "getFontWeights",
      "getFontWeight",
      "getFontStyles",
      "getFontSizes",
      "getWrapStrategies",
      "getHorizontalAlignments",
      "getNote",
      "getNotes",
      "isPartOfMerge",
      "getMergedRanges",
      "getDataValidation",
      "getDataValidations",
      "getDeveloperMetadata",
    ],
    write: [
      "activate",
      "setValues",
      "setValue",
      "setFormulas",
      "setFormula",
      "setNumberFormat",
      "setNumberFormats",
      "setBackground",
      "setBackgrounds",
      "setFontColor",
      "setFontColors",
      "setFontWeight",
      "setFontWeights",
      "setFontStyle",
      "setFontStyles",
      "setFontSize",
      "setFontSizes",
      "setTextStyle",
      "setTextStyles",
      "setWrap",
      "setWraps",
      "setWrapStrategy",
      "setHorizontalAlignment",
      "setHorizontalAlignments",
      "setVerticalAlignment",
      "setBorder",
      "setNote",
      "setNotes",
      "clearNote",
      "merge",
      "mergeAcross",
      "mergeVertically",
      "breakApart",
      "setDataValidation",
      "setDataValidations",
      "clearDataValidations",
      "insertCheckboxes",
      "clear",
      "clearContent",
      "clearFormat",
      "protect",
      "sort",
      "addDeveloperMetadata",
    ],
  },
  RangeList: {
    handle: ["getRanges"],
    write: [
      "setBackground",
      "setFontWeight",
      "setFontColor",
      "setFontStyle",
      "setFontSize",
      "setNumberFormat",
      "setWrap",
      "setWrapStrategy",
      "setHorizontalAlignment",
      "setVerticalAlignment",
      "setTextStyle",
      "setBorder",
      "setValue",
      "setFormula",
      "clear",
      "clearContent",
      "clearFormat",
      "insertCheckboxes",
    ],
  },
  NamedRange: {
    read: ["getName", "getRange"],
    write: ["setRange", "setName", "remove"],
  },
  Protection: {
    read: [
      "getProtectionType",
      "getRange",
      "getDescription",
      "isWarningOnly",
      "getEditors",
      "canEdit",
      "canDomainEdit",
      "getUnprotectedRanges",
    ],
    write: [
      "setDescription",
      "setWarningOnly",
      "addEditor",
      "addEditors",
      "removeEditor",
      "removeEditors",
      "setDomainEdit",
      "setUnprotectedRanges",
      "remove",
    ],
  },
  User: { handle: ["getEmail"] },
  // The finder's answer carries each metadata's key, value, visibility and location, so reading them costs nothing.
  DeveloperMetadataFinder: {
    builder: ["withId", "withKey", "withValue", "withLocationType", "withVisibility", "onIntersectingLocations"],
    read: ["find"],
  },
  DeveloperMetadata: {
    handle: ["getId", "getKey", "getValue", "getVisibility", "getLocation"],
    write: [
      "setKey",
      "setValue",
      "setVisibility",
      "remove",
      "moveToColumn",
      "moveToRow",
      "moveToSheet",
      "moveToSpreadsheet",
    ],
  },
  DeveloperMetadataLocation: { handle: ["getLocationType", "getSpreadsheet", "getSheet", "getRow", "getColumn"] },
  EmbeddedChart: {
    handle: ["modify"],
    read: [
      "getChartId",
      "getRanges",
      "getOptions",
      "getContainerInfo",
      "getNumHeaders",
      "getMergeStrategy",
      "getTransposeRowsAndColumns",
      "getHiddenDimensionStrategy",
    ],
  },
  ChartOptions: { read: ["get", "getOrDefault"] },
  ContainerInfo: { read: ["getAnchorRow", "getAnchorColumn", "getOffsetX", "getOffsetY"] },
  Charts: {},
  EmbeddedChartBuilder: { builder: "*" },
  DataValidationBuilder: { builder: "*" },
  DataValidation: { builder: "*" },
  ConditionalFormatRuleBuilder: { builder: "*" },
  ConditionalFormatRule: { builder: "*" },
  BooleanCondition: { builder: "*" },
  TextStyleBuilder: { builder: "*" },
  TextStyle: { builder: "*" },
  PropertiesService: { handle: ["getDocumentProperties", "getUserProperties", "getScriptProperties"] },
  Properties: { service: "*" },
  LockService: { handle: ["getDocumentLock", "getScriptLock", "getUserLock"] },
  Lock: { service: "*" },
  Session: { service: "*" },
};

const KINDS: readonly CallKind[] = ["read", "write", "handle", "builder", "service"];

/** The kind of a call, or undefined when the table does not list it. */
export function kindOf(className: string, method: string): CallKind | undefined {
  const table = CALL_KINDS[className];
  if (!table) return undefined;
  for (const kind of KINDS) {
    const methods = table[kind];
    if (methods === "*" || methods?.includes(method)) return kind;
  }
  return undefined;
}

export interface CallEntry {
  readonly method: string;
  readonly kind: CallKind;
}

export class CallLog {
  readonly entries: CallEntry[] = [];

  record(method: string, kind: CallKind): void {
    this.entries.push({ method, kind });
  }

  get total(): number {
    return this.entries.length;
  }

  /** read + write + service: the calls that cost a round trip to Google. */
  get documentCalls(): number {
    return this.entries.filter((e) => e.kind === "read" || e.kind === "write" || e.kind === "service").length;
  }

  get byMethod(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const e of this.entries) counts[e.method] = (counts[e.method] ?? 0) + 1;
    return counts;
  }

  get byKind(): Record<CallKind, number> {
    const counts: Record<CallKind, number> = { read: 0, write: 0, handle: 0, builder: 0, service: 0 };
    for (const e of this.entries) counts[e.kind]++;
    return counts;
  }

  reset(): void {
    this.entries.length = 0;
  }
}

/** Names of emulator classes live on the constructor as `gasName`. */
export function gasNameOf(value: unknown): string | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const name = (value.constructor as { gasName?: unknown } | undefined)?.gasName;
  return typeof name === "string" ? name : undefined;
}

/**
 * Wraps the objects the emulator hands out in Proxies that record each method
 * call. Arguments are unwrapped before the call, so the emulator's own code
 * only ever sees its plain objects and its internal calls go unrecorded.
 */
export class Recorder {
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();

  constructor(readonly log: CallLog) {}

  wrap<T>(value: T): T {
    if (Array.isArray(value)) return this.eachObject(value, (item) => this.wrap(item)) as T;
    const className = gasNameOf(value);
    if (className === undefined) return value;
    const target = value as object;
    let proxy = this.proxies.get(target);
    if (!proxy) {
      proxy = new Proxy(target, this.handler(className));
      this.proxies.set(target, proxy);
      this.targets.set(proxy, target);
    }
    return proxy as T;
  }

  unwrap<T>(value: T): T {
    if (Array.isArray(value)) return this.eachObject(value, (item) => this.unwrap(item)) as T;
    if (value !== null && typeof value === "object") return (this.targets.get(value) ?? value) as T;
    return value;
  }

  /**
   * A copy of `values` with `change` applied to each object or array in it.
   * Values read and written run to thousands of cells, nearly all of them
   * numbers and text, which pass through as they are.
   */
  private eachObject(values: readonly unknown[], change: (item: unknown) => unknown): unknown[] {
    const copy: unknown[] = new Array(values.length);
    for (let index = 0; index < values.length; index++) {
      // A hole stays a hole, as map keeps it.
      if (!(index in values)) continue;
      const item = values[index];
      copy[index] = item !== null && typeof item === "object" ? change(item) : item;
    }
    return copy;
  }

  private handler(className: string): ProxyHandler<object> {
    return {
      get: (target, property) => {
        if (property === "toString") return () => className;
        // JSON.stringify of an Apps Script object gives "{}", not the emulator's insides.
        if (property === "toJSON") return () => ({});
        const value = Reflect.get(target, property, target);
        if (
          typeof property === "symbol" ||
          typeof value !== "function" ||
          property === "constructor" ||
          property.startsWith("_")
        )
          return value;
        const method = property;
        return (...args: unknown[]) => {
          const kind = kindOf(className, method);
          if (!kind)
            throw new Error(
              `Emulator: ${className}.${method} has no entry in CALL_KINDS (playground/emulator/callLog.ts).`,
            );
          this.log.record(`${className}.${method}`, kind);
          return this.wrap(
            (value as (...a: unknown[]) => unknown).apply(
              target,
              args.map((a) => this.unwrap(a)),
            ),
          );
        };
      },
    };
  }
}
