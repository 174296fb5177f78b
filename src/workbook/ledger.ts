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
import type { Area, Section } from "./sections";
import { a1, sheetRef } from "./sheetBuilder";
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

type LedgerContext = Omit<PlanContext, "work" | "checklist">;

const CALCULATED: CellSpec = { background: COLORS.calculated };

/** Where a ledger row is and what it reads: its month, party, and its place among the ledger's rows. */
interface LedgerLine {
  readonly area: Area;
  /** Row of the line within the ledger's area; the column headers are row 0. */
  readonly offset: number;
  readonly month: string;
  readonly monthIndex: number;
  readonly party: LedgerContext["config"]["parties"][number];
}

/**
 * A party's goal and result for a month, and when it is met (before its requirements): marketing's lead goal
 * against the leads handed off, sales' follow-up verdicts, a third party's requirements only.
 */
function goalAndResult(
  context: LedgerContext,
  line: LedgerLine,
  existingMonths: ReadonlySet<string>,
): { goal: CellSpec; result: CellSpec; condition: string } {
  const { labels, formats } = context;
  const { area, offset, month } = line;
  const followUp = sheetRef(context.sheetNames.followUp);
  const followUpRow = FOLLOW_UP_LAYOUT.firstMonthRow + line.monthIndex;
  const fromFollowUp = (column: number): string => `${followUp}!${a1(followUpRow, column, true)}`;
  const C = FOLLOW_UP_LAYOUT.columns;
  // A month not yet begun shows no figures and no verdict, only that it has not started.
  const unlessNotStarted = (formula: string): string =>
    `IF(TODAY()<${area.a1(offset, LEDGER_COLUMNS.month)},"",${formula})`;
  if (line.party.id === "marketing")
    return {
      goal: {
        ...CALCULATED,
        formula: existingMonths.has(month) ? `${sheetRef(month)}!${MONTH_GOAL_CELL}` : "LeadsNeeded",
        format: formats.count,
      },
      // The Follow-up tab already counts the month's handed-off leads: reading it spares a pass over the log (month tabs may not exist yet).
      result: { ...CALCULATED, formula: unlessNotStarted(fromFollowUp(C.handed)), format: formats.count },
      condition: `${area.a1(offset, LEDGER_COLUMNS.result)}>=${area.a1(offset, LEDGER_COLUMNS.goal)}`,
    };
  if (line.party.id === "sales") {
    const average = fromFollowUp(C.average);
    const depth = fromFollowUp(C.depth);
    const missed = quote(labels.followUp.missed);
    return {
      goal: { ...CALCULATED, value: labels.ledger.salesGoal },
      // ROUND and &, not TEXT: a TEXT pattern would be read in the spreadsheet's locale.
      result: {
        ...CALCULATED,
        formula: unlessNotStarted(
          `IF(${average}="","—",ROUND(${average},1)&" h")&" · "&IF(${depth}="","—",ROUND(${depth},1)&" ×")`,
        ),
      },
      // The Follow-up tab's verdicts, which also count leads waiting past the speed goal: one rule in both places.
      condition: `AND(${fromFollowUp(C.speedMet)}<>${missed},${fromFollowUp(C.depthMet)}<>${missed})`,
    };
  }
  return {
    goal: { ...CALCULATED, value: labels.ledger.requirementsGoal },
    result: { ...CALCULATED, value: "" },
    condition: "TRUE",
  };
}

/** A ledger row's cells from column A: month, party, goal, result, verdict, strikes, misses in a row, flags, notes. */
function ledgerCells(
  context: LedgerContext,
  line: LedgerLine,
  verdict: { goal: CellSpec; result: CellSpec; condition: string },
): CellSpec[] {
  const { config, formats } = context;
  const words = context.labels.ledger;
  const { area, offset, month, party } = line;
  const C = LEDGER_COLUMNS;
  const at = (column: number): string => area.a1(offset, column);
  const notStarted = `TODAY()<${at(C.month)}`;
  const unlessNotStarted = (formula: string): string => `IF(${notStarted},"",${formula})`;
  const open = `TODAY()<EOMONTH(${at(C.month)},0)+1`;
  const previous = offset - config.parties.length;
  const missed = quote(words.missed);
  return [
    { formula: monthStartFormula(month), format: formats.month },
    { text: party.name, background: COLORS[party.id].light },
    verdict.goal,
    verdict.result,
    {
      ...CALCULATED,
      bold: true,
      formula: `IF(${notStarted},${quote(words.notStarted)},IF(${open},${quote(words.open)},IF(${verdict.condition},${quote(words.met)},${missed})))`,
    },
    {
      ...CALCULATED,
      formula: unlessNotStarted(
        `COUNTIFS(${area.a1(1, C.party, true)}:${at(C.party)},${at(C.party)},${area.a1(1, C.met, true)}:${at(C.met)},${missed})`,
      ),
      format: formats.count,
    },
    {
      ...CALCULATED,
      formula: unlessNotStarted(
        `IF(${at(C.met)}=${missed},${previous >= 1 ? `N(${area.a1(previous, C.inARow)})+1` : "1"},0)`,
      ),
      format: formats.count,
    },
    {
      ...CALCULATED,
      formula: `IF(AND(${at(C.met)}=${missed},${at(C.strikes)}>=${config.missedGoals.strikesBeforeEscalation}),${quote(words.escalate)},"")`,
    },
    {
      ...CALCULATED,
      bold: true,
      formula: `IF(N(${at(C.inARow)})>=${config.cancellation.missedMonthsInARow},${quote(words.cancel)},"")`,
    },
    { value: "", input: { key: `ledger|${month}|${party.id}` } },
  ];
}

/** The ledger's met/missed colours, escalation flags and greyed months ahead, over its `count` rows from row 1. */
function ledgerFormats(context: LedgerContext, area: Area, count: number): ConditionalFormatPlan[] {
  const C = LEDGER_COLUMNS;
  const words = context.labels.ledger;
  const metRange = area.range(1, C.met, count, 1);
  return [
    {
      ranges: [metRange],
      formula: `=${area.a1(1, C.met)}=${quote(words.met)}`,
      background: COLORS.good.background,
      color: COLORS.good.text,
    },
    {
      ranges: [metRange],
      formula: `=${area.a1(1, C.met)}=${quote(words.missed)}`,
      background: COLORS.bad.background,
      color: COLORS.bad.text,
    },
    {
      ranges: [area.range(1, C.escalation, count, 2)],
      formula: `=${area.a1(1, C.escalation)}<>""`,
      background: COLORS.bad.background,
      color: COLORS.bad.text,
      bold: true,
    },
    // Months not yet begun are greyed: the ledger lists the whole SLA, but only what has started counts.
    {
      ranges: [area.range(1, C.month, count, C.notes - C.month)],
      formula: `=$${area.a1(1, C.month)}>TODAY()`,
      color: COLORS.muted,
    },
  ];
}

/**
 * The ledger: its column headers (the Agreement puts its title bar above
 * them) and a row per month and party under them. `checklist`: the
 * requirements checklist's cell per `${requirementIndex}|${month}`;
 * `existingMonths`: month tabs present after this build, whose goal cell the ledger reads.
 */
export function ledgerSection(
  context: LedgerContext,
  checklist: ReadonlyMap<string, string>,
  existingMonths: ReadonlySet<string>,
): Section<PlacedLedger> {
  const { config } = context;
  const months = slaMonths(config);
  const parties = config.parties;
  // A party's requirements for a month are delivered when every checklist count reaches its target.
  const requirementsMet = (party: PartyId, month: string): string | undefined => {
    const checks = config.requirements.flatMap((requirement, index) => {
      if (requirement.from !== party) return [];
      const cell = checklist.get(`${index}|${month}`);
      return cell ? [`N(${cell})>=${requirement.perMonth}`] : [];
    });
    return checks.length === 0 ? undefined : `AND(${checks.join(",")})`;
  };
  const count = months.length * parties.length;
  return {
    rows: 1 + count,
    place: (area) => {
      area.line(
        0,
        1,
        context.labels.ledger.headers.map((title): CellSpec => ({ value: title, bold: true, wrap: true })),
      );
      const rows = new Map<string, LedgerRow>();
      months.forEach((month, monthIndex) =>
        parties.forEach((party, partyIndex) => {
          const line: LedgerLine = {
            area,
            offset: 1 + monthIndex * parties.length + partyIndex,
            month,
            monthIndex,
            party,
          };
          const verdict = goalAndResult(context, line, existingMonths);
          const requirements = requirementsMet(party.id, month);
          if (requirements) verdict.condition = `AND(${verdict.condition},${requirements})`;
          area.line(line.offset, 1, ledgerCells(context, line, verdict));
          const cell = (column: number): string => area.a1(line.offset, column, true);
          rows.set(`${month}|${party.id}`, {
            goal: cell(LEDGER_COLUMNS.goal),
            met: cell(LEDGER_COLUMNS.met),
            strikes: cell(LEDGER_COLUMNS.strikes),
            escalation: cell(LEDGER_COLUMNS.escalation),
          });
        }),
      );
      return { rows, conditionalFormats: ledgerFormats(context, area, count) };
    },
  };
}
