/**
 * The misses ledger (method §1.5–1.6): per month and party, whether the goal
 * was met, strikes so far, misses in a row, and a clear flag when the
 * escalation or the cancellation rule is triggered. Months still running are
 * "open"; a party's goal includes delivering its requirements (checklist).
 *
 * It closes the Agreement tab, under the plan when goals are missed and the
 * cancellation terms it applies: the agreement and its record in one place,
 * and one tab fewer to create (a first build's calls, design decision 5).
 */
import type { PartyId } from "../config/schema";
import { COLORS, monthStartFormula, slaMonths, type PlanContext } from "./context";
import { quote } from "./formulas";
import { FOLLOW_UP_LAYOUT } from "./followUp";
import { MONTH_GOAL_CELL } from "./month";
import { type SheetBuilder, a1, rangeA1, sheetRef } from "./sheetBuilder";
import type { CellSpec, ConditionalFormatPlan } from "./types";

/** The ledger's columns, from column A; `notes` is the one users type into. */
export const LEDGER_COLUMNS = {
  month: 1,
  party: 2,
  goal: 3,
  result: 4,
  met: 5,
  strikes: 6,
  inARow: 7,
  escalation: 8,
  cancellation: 9,
  notes: 10,
} as const;

/** One ledger row's cells, with the sheet name, as other tabs read them. */
export interface LedgerRow {
  readonly goal: string;
  readonly met: string;
  readonly strikes: string;
  readonly escalation: string;
}

export interface PlacedLedger {
  /** Its met/missed colours and escalation flags, for the tab's rules. */
  readonly conditionalFormats: readonly ConditionalFormatPlan[];
  /** Each row's cells by `${month}|${partyId}`, relative to the ledger's tab (no sheet name). */
  readonly rows: ReadonlyMap<string, LedgerRow>;
}

/**
 * Places the ledger's column headers at `top` (the Agreement puts its title
 * bar above them) and a row per month and party under them. `checklist`: the requirements checklist's
 * cell per `${requirementIndex}|${month}`; `existingMonths`: month tabs present
 * after this build, whose goal cell the ledger reads.
 */
export function placeLedger(
  sheet: SheetBuilder,
  top: number,
  context: Omit<PlanContext, "work" | "checklist">,
  checklist: ReadonlyMap<string, string>,
  existingMonths: ReadonlySet<string>,
): PlacedLedger {
  const { config, labels, formats } = context;
  const months = slaMonths(config);
  const parties = config.parties;
  const C = LEDGER_COLUMNS;
  const calculated: CellSpec = { background: COLORS.calculated };
  const followUp = sheetRef(context.sheetNames.followUp);
  const words = labels.ledger;
  const firstRow = top + 1;

  sheet.row(
    top,
    1,
    words.headers.map((title): CellSpec => ({ value: title, bold: true, wrap: true })),
  );

  // A party's requirements for a month are delivered when every checklist count reaches its target.
  const requirementsMet = (party: PartyId, month: string): string | undefined => {
    const checks = config.requirements.flatMap((requirement, index) => {
      if (requirement.from !== party) return [];
      const cell = checklist.get(`${index}|${month}`);
      return cell ? [`N(${cell})>=${requirement.perMonth}`] : [];
    });
    return checks.length === 0 ? undefined : `AND(${checks.join(",")})`;
  };

  let row = firstRow;
  const rows = new Map<string, LedgerRow>();
  months.forEach((month, monthIndex) => {
    const followUpRow = FOLLOW_UP_LAYOUT.firstMonthRow + monthIndex;
    for (const party of parties) {
      const monthCell = a1(row, C.month);
      const open = `TODAY()<EOMONTH(${monthCell},0)+1`;
      // A month not yet begun shows no figures and no verdict, only that it has not started.
      const notStarted = `TODAY()<${monthCell}`;
      const unlessNotStarted = (formula: string): string => `IF(${notStarted},"",${formula})`;
      const requirements = requirementsMet(party.id, month);
      let goal: CellSpec;
      let result: CellSpec;
      let condition: string;
      if (party.id === "marketing") {
        goal = {
          ...calculated,
          formula: existingMonths.has(month) ? `${sheetRef(month)}!${MONTH_GOAL_CELL}` : "LeadsNeeded",
          format: formats.count,
        };
        // The Follow-up tab already counts the month's handed-off leads: reading it spares a pass over the log (month tabs may not exist yet).
        result = {
          ...calculated,
          formula: unlessNotStarted(`${followUp}!${a1(followUpRow, FOLLOW_UP_LAYOUT.columns.handed, true)}`),
          format: formats.count,
        };
        condition = `${a1(row, C.result)}>=${a1(row, C.goal)}`;
      } else if (party.id === "sales") {
        const average = `${followUp}!${a1(followUpRow, FOLLOW_UP_LAYOUT.columns.average, true)}`;
        const depth = `${followUp}!${a1(followUpRow, FOLLOW_UP_LAYOUT.columns.depth, true)}`;
        goal = { ...calculated, value: words.salesGoal };
        // ROUND and &, not TEXT: a TEXT pattern would be read in the spreadsheet's locale.
        result = {
          ...calculated,
          formula: unlessNotStarted(
            `IF(${average}="","—",ROUND(${average},1)&" h")&" · "&IF(${depth}="","—",ROUND(${depth},1)&" ×")`,
          ),
        };
        // The Follow-up tab's verdicts, which also count leads waiting past the speed goal: one rule in both places.
        const speed = `${followUp}!${a1(followUpRow, FOLLOW_UP_LAYOUT.columns.speedMet, true)}`;
        const depthMet = `${followUp}!${a1(followUpRow, FOLLOW_UP_LAYOUT.columns.depthMet, true)}`;
        condition = `AND(${speed}<>${quote(labels.followUp.missed)},${depthMet}<>${quote(labels.followUp.missed)})`;
      } else {
        goal = { ...calculated, value: words.requirementsGoal };
        result = { ...calculated, value: "" };
        condition = "TRUE";
      }
      if (requirements) condition = `AND(${condition},${requirements})`;
      const previous = row - parties.length;
      const met = a1(row, C.met);
      const strikes = a1(row, C.strikes);
      const inARow = a1(row, C.inARow);
      sheet.row(row, 1, [
        { formula: monthStartFormula(month), format: formats.month },
        { text: party.name, background: COLORS[party.id].light },
        goal,
        result,
        {
          ...calculated,
          bold: true,
          formula: `IF(${notStarted},${quote(words.notStarted)},IF(${open},${quote(words.open)},IF(${condition},${quote(words.met)},${quote(words.missed)})))`,
        },
        {
          ...calculated,
          formula: unlessNotStarted(
            `COUNTIFS(${a1(firstRow, C.party, true)}:${a1(row, C.party)},${a1(row, C.party)},${a1(firstRow, C.met, true)}:${met},${quote(words.missed)})`,
          ),
          format: formats.count,
        },
        {
          ...calculated,
          formula: unlessNotStarted(
            `IF(${met}=${quote(words.missed)},${previous >= firstRow ? `N(${a1(previous, C.inARow)})+1` : "1"},0)`,
          ),
          format: formats.count,
        },
        {
          ...calculated,
          formula: `IF(AND(${met}=${quote(words.missed)},${strikes}>=${config.missedGoals.strikesBeforeEscalation}),${quote(words.escalate)},"")`,
        },
        {
          ...calculated,
          bold: true,
          formula: `IF(N(${inARow})>=${config.cancellation.missedMonthsInARow},${quote(words.cancel)},"")`,
        },
        { value: "", input: { key: `ledger|${month}|${party.id}` } },
      ]);
      rows.set(`${month}|${party.id}`, {
        goal: a1(row, C.goal, true),
        met: a1(row, C.met, true),
        strikes: a1(row, C.strikes, true),
        escalation: a1(row, C.escalation, true),
      });
      row += 1;
    }
  });
  const lastRow = row - 1;
  const count = lastRow - firstRow + 1;
  const metRange = rangeA1(firstRow, C.met, count, 1);
  return {
    rows,
    conditionalFormats: [
      {
        ranges: [metRange],
        formula: `=${a1(firstRow, C.met)}=${quote(words.met)}`,
        background: COLORS.good.background,
        color: COLORS.good.text,
      },
      {
        ranges: [metRange],
        formula: `=${a1(firstRow, C.met)}=${quote(words.missed)}`,
        background: COLORS.bad.background,
        color: COLORS.bad.text,
      },
      {
        ranges: [rangeA1(firstRow, C.escalation, count, 2)],
        formula: `=${a1(firstRow, C.escalation)}<>""`,
        background: COLORS.bad.background,
        color: COLORS.bad.text,
        bold: true,
      },
      // Months not yet begun are greyed: the ledger lists the whole SLA, but only what has started counts.
      {
        ranges: [rangeA1(firstRow, C.month, count, C.notes - C.month)],
        formula: `=$${a1(firstRow, C.month)}>TODAY()`,
        color: COLORS.muted,
      },
    ],
  };
}
