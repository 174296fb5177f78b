/**
 * The Agreement tab: the six building blocks of an SLA (method §1) in one
 * column per party, the marketing goal calculation with its named ranges, lead
 * tiers, the sales capacity check, and the requirements checklist per month.
 */
import type { PartyId } from "../config/schema";
import { COLORS, monthStartFormula, salesReps, slaMonths, type PlanContext } from "./context";
import {
  customersNeededFormula,
  holidayDayFormula,
  leadsNeededFormula,
  quote,
  revenueGoalFormula,
  weekendMask,
  type WorkTimeRefs,
} from "./formulas";
import { LEDGER_COLUMNS, ledgerSection, type LedgerRow } from "./ledger";
import { type Area, type Section, areaAt, stack } from "./sections";
import { SheetBuilder, sheetRef } from "./sheetBuilder";
import type { CellSpec, ConditionalFormatPlan, NamedRangePlan, SheetPlan, ValidationPlan } from "./types";

export interface AgreementResult {
  readonly sheet: SheetPlan;
  readonly namedRanges: readonly NamedRangePlan[];
  readonly work: WorkTimeRefs | undefined;
  /** Checklist cell per `${requirementIndex}|${month}`, with the sheet name. */
  readonly checklist: ReadonlyMap<string, string>;
  /** The misses ledger's cells per `${month}|${partyId}`, with the sheet name. */
  readonly ledger: ReadonlyMap<string, LedgerRow>;
}

const WEEKDAY_NAMES = {
  en: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
  de: ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"],
} as const;

/**
 * Business hours as people read them, three or more days in a row as a range.
 * @example businessHoursText([1, 2, 3, 4, 5], "09:00", "17:00", "en") // "Mon-Fri 09:00-17:00"
 * @example businessHoursText([1, 3, 6], "08:00", "12:00", "de") // "Mo, Mi, Sa 08:00-12:00"
 */
export function businessHoursText(days: readonly number[], start: string, end: string, language: "en" | "de"): string {
  // Monday first: 0 is Monday, 6 is Sunday.
  const order = [...new Set(days)].map((day) => (day + 6) % 7).sort((a, b) => a - b);
  const name = (position: number): string => WEEKDAY_NAMES[language][(position + 1) % 7] ?? "";
  const parts: string[] = [];
  for (let index = 0; index < order.length; ) {
    let last = index;
    while (last + 1 < order.length && order[last + 1] === (order[last] ?? 0) + 1) last += 1;
    if (last - index >= 2) parts.push(`${name(order[index] ?? 0)}-${name(order[last] ?? 0)}`);
    else for (let each = index; each <= last; each++) parts.push(name(order[each] ?? 0));
    index = last + 1;
  }
  return `${parts.join(", ")} ${start}-${end}`;
}

function clockFormula(clock: string): string {
  const [hours, minutes] = clock.split(":").map(Number) as [number, number];
  return `(${hours}*60+${minutes})/1440`;
}

function partyColor(id: PartyId) {
  return COLORS[id];
}

/** Stable key of a requirement's checklist cells: survives reordering; the index key survives rewording. */
function requirementKey(from: string, to: string, text: string): string {
  return `req:${from}>${to}:${text.trim().toLowerCase().replace(/\s+/g, " ")}`;
}

/**
 * The holidays' column: right of the party columns, the checklist (a column
 * per requirement) and the tier table, with a blank column between, so their
 * list can run down as far as it needs.
 */
function holidayColumnOf(requirements: number, lastPartyColumn: number, tierColumns: number): number {
  return Math.max(lastPartyColumn, 1 + requirements, tierColumns) + 2;
}

/** What the Agreement's sections share: the config, words, formats, and where the party columns are. */
interface AgreementTab {
  readonly config: PlanContext["config"];
  readonly labels: PlanContext["labels"];
  readonly formats: PlanContext["formats"];
  /** The sheet name, quoted for formulas. */
  readonly ref: string;
  readonly months: readonly string[];
  partyColumn(id: PartyId): number;
  partyName(id: PartyId): string;
  /** Section bands reach across the widest table of the sections: party columns, requirements, contacts. */
  readonly bandEnd: number;
  readonly holidayColumn: number;
  /** Whether the tab has working-time cells (business hours or holidays set). */
  readonly hasWorkTime: boolean;
}

const CALCULATED: CellSpec = { background: COLORS.calculated };

/** An input row: a label in column A, the value in column B, optionally a named range on it. */
interface InputRow {
  readonly label: string;
  /** A label that may run long (the reps' names) wraps in the wide first column. */
  readonly wrap?: boolean;
  readonly cell: CellSpec;
  readonly name?: string;
}

/** Input rows one under the other from row `first` of `area`; returns their named ranges. */
function placeInputs(area: Area, first: number, rows: readonly InputRow[]): NamedRangePlan[] {
  return rows.flatMap((input, index) => {
    area.set(first + index, 1, input.wrap ? { value: input.label, wrap: true } : { value: input.label });
    area.set(first + index, 2, { background: COLORS.marketing.light, ...input.cell });
    return input.name ? [{ name: input.name, sheetKey: "agreement", range: area.a1(first + index, 2) }] : [];
  });
}

/** A paragraph users wrote: its label, then the text wrapping in the wide first column (two rows). */
function placeLongText(area: Area, offset: number, label: string, text: string): void {
  area.set(offset, 1, { value: label, bold: true });
  area.set(offset + 1, 1, { text: text || "—", wrap: true });
}

/** A dark bar with a title across the party columns (or, for the misses ledger, its own columns). */
function placeBand(area: Area, title: string, lastColumn: number): void {
  area.set(0, 1, { value: title, bold: true, background: COLORS.header, color: COLORS.headerText });
  for (let column = 2; column <= lastColumn; column++) area.set(0, column, { background: COLORS.header });
}

/** A section under a titled band. */
function withBand<Out>(title: string, lastColumn: number, section: Section<Out>): Section<Out> {
  return {
    ...section,
    rows: section.rows + 1,
    place: (area) => {
      placeBand(area, title, lastColumn);
      return section.place(area.below(1));
    },
  };
}

function titleSection({ config, labels, months }: AgreementTab): Section {
  const first = months[0] ?? config.startMonth;
  const last = months[months.length - 1] ?? config.startMonth;
  return {
    rows: 3,
    place: (area) => {
      area.set(0, 1, { text: config.title, bold: true });
      area.set(1, 1, {
        value: `${labels.period}: ${first} – ${last} · ${labels.kinds[config.kind]} · ${labels.reviewCadence}: ${labels.cadences[config.review.cadence]}`,
        italic: true,
        color: COLORS.muted,
      });
      area.set(2, 1, { value: labels.generatedNote, italic: true, color: COLORS.muted });
    },
  };
}

/** 1. Summary. */
function summarySection({ config, labels, bandEnd }: AgreementTab): Section {
  return withBand(labels.section.summary, bandEnd, {
    rows: 1,
    place: (area) => area.set(0, 1, { text: config.summary || "—", wrap: true }),
  });
}

/** 2. Goals, one column per party, each party's goal under its name. */
function goalsSection({ config, labels, bandEnd, partyColumn }: AgreementTab): Section {
  const goalOf = (id: PartyId): CellSpec =>
    id === "marketing"
      ? { formula: labels.goalMarketing("LeadsNeeded").slice(1) }
      : id === "sales"
        ? { formula: labels.goalSales("FollowUpGoalHours", "FollowUpGoalAttempts").slice(1) }
        : { value: labels.goalService };
  return withBand(labels.section.goals, bandEnd, {
    rows: 2,
    place: (area) =>
      config.parties.forEach((party) => {
        const column = partyColumn(party.id);
        const color = partyColor(party.id);
        area.set(0, column, { text: party.name, bold: true, background: color.strong, color: COLORS.headerText });
        area.set(1, column, { ...goalOf(party.id), background: color.light, wrap: true });
      }),
  });
}

/** The marketing goal calculation (method §2), each step a named range. */
function marketingGoalSection({ config, labels, formats }: AgreementTab): Section<NamedRangePlan[]> {
  const { marketing } = config;
  const inputs: InputRow[] = [
    { label: labels.inputs.quota, cell: { value: marketing.quota, format: formats.money }, name: "Quota" },
    {
      label: labels.inputs.marketingShare,
      cell: { value: marketing.marketingShare, format: formats.percent },
      name: "MarketingShare",
    },
    {
      label: labels.inputs.avgDealSize,
      cell: { value: marketing.avgDealSize, format: formats.money },
      name: "AvgDealSize",
    },
    {
      label: labels.inputs.closeRate,
      cell: { value: marketing.closeRate, format: formats.percent },
      name: "CloseRate",
    },
    {
      label: labels.inputs.revenueGoal,
      cell: { ...CALCULATED, formula: revenueGoalFormula("Quota", "MarketingShare"), format: formats.money },
      name: "RevenueGoal",
    },
    {
      label: labels.inputs.customersNeeded,
      cell: { ...CALCULATED, formula: customersNeededFormula("RevenueGoal", "AvgDealSize"), format: formats.count },
      name: "CustomersNeeded",
    },
    {
      label: labels.inputs.leadsNeeded,
      cell: {
        ...CALCULATED,
        formula: leadsNeededFormula("CustomersNeeded", "CloseRate"),
        format: formats.count,
        bold: true,
      },
      name: "LeadsNeeded",
    },
  ];
  return {
    rows: 1 + inputs.length,
    place: (area) => {
      area.set(0, 1, { value: labels.section.marketingGoal, bold: true });
      return placeInputs(area, 1, inputs);
    },
  };
}

/** Lead tiers: each tier's share, deal size, close rate, leads needed and their value; absent without tiers. */
function tiersSection({ config, labels, formats }: AgreementTab): Section | undefined {
  const tiers = config.marketing.tiers;
  if (tiers.length === 0) return undefined;
  const valued = tiers.some((tier) => tier.valuePerLead !== undefined);
  return {
    rows: 2 + tiers.length + (valued ? 1 : 0),
    place: (area) => {
      area.set(0, 1, { value: labels.section.tiers, bold: true });
      area.line(
        1,
        1,
        labels.tierHeaders.map((header) => ({ value: header, bold: true, background: COLORS.marketing.light })),
      );
      // Tier shares split the marketing share (method §2): a tier without its own share gets an even part of what the others leave.
      const ownShareCells = tiers.flatMap((tier, index) =>
        tier.marketingShare === undefined ? [] : [area.a1(2 + index, 3)],
      );
      const withoutOwnShare = tiers.filter((tier) => tier.marketingShare === undefined).length;
      const left =
        ownShareCells.length === 0 ? "MarketingShare" : `MAX(0,MarketingShare-SUM(${ownShareCells.join(",")}))`;
      const evenPart = withoutOwnShare === 1 ? left : `${left}/${withoutOwnShare}`;
      tiers.forEach((tier, index) => {
        const at = (column: number): string => area.a1(2 + index, column);
        const share = tier.marketingShare === undefined ? { formula: evenPart } : { value: tier.marketingShare };
        const deal = tier.avgDealSize === undefined ? { formula: "AvgDealSize" } : { value: tier.avgDealSize };
        const close = tier.closeRate === undefined ? { formula: "CloseRate" } : { value: tier.closeRate };
        const customers = customersNeededFormula(revenueGoalFormula("Quota", at(3)), at(4));
        area.line(2 + index, 1, [
          { text: tier.name },
          tier.valuePerLead === undefined ? { value: "" } : { value: tier.valuePerLead, format: formats.money },
          { ...share, format: formats.percent },
          { ...deal, format: formats.money },
          { ...close, format: formats.percent },
          { ...CALCULATED, formula: leadsNeededFormula(`(${customers})`, at(5)), format: formats.count },
          { ...CALCULATED, formula: `IF(${at(2)}="","",${at(2)}*${at(6)})`, format: formats.money },
        ]);
      });
      if (!valued) return;
      const total = 2 + tiers.length;
      area.set(total, 1, { value: labels.inputs.valueGoal, bold: true });
      area.set(total, 7, {
        ...CALCULATED,
        formula: `SUM(${area.range(2, 7, tiers.length, 1)})`,
        format: formats.money,
        bold: true,
      });
    },
  };
}

/** The working-time cells the sales goals section places, absolute, without the sheet name. */
interface WorkTimeCells {
  readonly mask: string;
  readonly dayStart: string;
  readonly dayEnd: string;
}

/** The sales goals: follow-up speed and depth (named ranges), business hours and, with them, the working-time cells. */
function salesGoalsSection(tab: AgreementTab): Section<{ names: NamedRangePlan[]; work?: WorkTimeCells }> {
  const { config, labels, formats } = tab;
  const hours = config.sales.businessHours;
  const sales = (cell: CellSpec): CellSpec => ({ ...cell, background: COLORS.sales.light });
  const inputs: InputRow[] = [
    {
      label: labels.inputs.followUpHours,
      cell: sales({ value: config.sales.followUpHours, format: formats.hours }),
      name: "FollowUpGoalHours",
    },
    {
      label: labels.inputs.followUpAttempts,
      cell: sales({ value: config.sales.followUpAttempts, format: formats.count }),
      name: "FollowUpGoalAttempts",
    },
    {
      label: labels.inputs.businessHours,
      cell: sales({
        value: hours ? businessHoursText(hours.days, hours.start, hours.end, config.language) : labels.inputs.allHours,
      }),
    },
  ];
  const workRows: InputRow[] = [
    {
      label: labels.inputs.workdayMask,
      cell: { ...CALCULATED, text: weekendMask(hours?.days ?? [0, 1, 2, 3, 4, 5, 6]), format: formats.text },
    },
    {
      label: labels.inputs.dayStart,
      cell: { ...CALCULATED, formula: clockFormula(hours?.start ?? "00:00"), format: "hh:mm" },
    },
    {
      label: labels.inputs.dayEnd,
      cell: { ...CALCULATED, formula: clockFormula(hours?.end ?? "24:00"), format: "hh:mm" },
    },
  ];
  const all = tab.hasWorkTime ? [...inputs, ...workRows] : inputs;
  return {
    rows: all.length,
    place: (area) => {
      const names = placeInputs(area, 0, all);
      if (!tab.hasWorkTime) return { names };
      const cell = (index: number): string => area.a1(inputs.length + index, 2, true);
      return { names, work: { mask: cell(0), dayStart: cell(1), dayEnd: cell(2) } };
    },
  };
}

/**
 * The holidays, from row 1 in their own column right of everything else, so
 * their list can run down as far as it needs; beside them, the working days
 * they take off: what the lead log's response hours subtract. Returns the
 * latter's range (absolute, without the sheet name).
 */
function holidaySection({ config, labels, formats, holidayColumn }: AgreementTab, mask: string): Section<string> {
  const holidays = config.sales.holidays;
  const count = Math.max(1, holidays.length);
  const days = holidayColumn + 1;
  return {
    rows: 1 + count,
    place: (area) => {
      area.set(0, holidayColumn, { value: labels.section.holidays, bold: true });
      holidays.forEach((day, index) => {
        const [y, m, d] = day.split("-").map(Number);
        area.set(1 + index, holidayColumn, { formula: `DATE(${y},${m},${d})`, format: formats.date });
      });
      area.set(0, days, { value: labels.section.holidayDays, bold: true });
      for (let index = 0; index < count; index++) {
        const above = index > 0 ? area.range(1, days, index, 1, true) : undefined;
        area.set(1 + index, days, {
          ...CALCULATED,
          formula: holidayDayFormula(area.a1(1 + index, holidayColumn), mask, above),
          format: formats.date,
        });
      }
      return area.range(1, days, count, 1, true);
    },
  };
}

/** Capacity check (method §5): do the reps have the hours for the depth goal? Returns its status colours. */
function capacitySection({ config, labels, formats }: AgreementTab): Section<ConditionalFormatPlan[]> {
  const sales = (cell: CellSpec): CellSpec => ({ ...cell, background: COLORS.sales.light });
  // Row of each figure below the title: reps, leads per rep, minutes, hours needed, hours available, load, status.
  const rows = (area: Area): InputRow[] => {
    const b = (index: number): string => area.a1(1 + index, 2);
    return [
      // The reps are named in the wizard: the row names and counts them, and a rebuild writes both from the list.
      {
        label: `${labels.capacity.reps}: ${salesReps(config).join(", ")}`,
        wrap: true,
        cell: { ...CALCULATED, value: salesReps(config).length, format: formats.count },
      },
      {
        label: labels.capacity.leadsPerRep,
        cell: { ...CALCULATED, formula: `LeadsNeeded/${b(0)}`, format: formats.decimal },
      },
      {
        label: labels.capacity.minutesPerAttempt,
        cell: sales({ value: config.sales.minutesPerAttempt, format: formats.count }),
      },
      {
        label: labels.capacity.hoursNeeded,
        cell: { ...CALCULATED, formula: `${b(1)}*FollowUpGoalAttempts*${b(2)}/60`, format: formats.decimal },
      },
      {
        label: labels.capacity.hoursAvailable,
        cell: sales({ value: config.sales.hoursPerRep, format: formats.decimal }),
      },
      { label: labels.capacity.load, cell: { ...CALCULATED, formula: `${b(3)}/${b(4)}`, format: formats.percent } },
      {
        label: labels.capacity.status,
        cell: {
          ...CALCULATED,
          formula: `IF(${b(5)}<=1,${quote(labels.capacity.fits)},${quote(labels.capacity.short)})`,
          bold: true,
        },
      },
    ];
  };
  return {
    rows: 8,
    place: (area) => {
      area.set(0, 1, { value: labels.section.capacity, bold: true });
      placeInputs(area, 1, rows(area));
      const status = [area.a1(7, 2)];
      const load = area.a1(6, 2, true);
      return [
        { ranges: status, formula: `=${load}<=1`, background: COLORS.good.background, color: COLORS.good.text },
        { ranges: status, formula: `=${load}>1`, background: COLORS.bad.background, color: COLORS.bad.text },
      ];
    },
  };
}

/** 3. Requirements of both parties. */
function requirementsSection({ config, labels, formats, bandEnd, partyName }: AgreementTab): Section {
  return withBand(labels.section.requirements, bandEnd, {
    rows: 1 + config.requirements.length,
    place: (area) => {
      area.line(
        0,
        1,
        labels.requirementHeaders.map((header) => ({ value: header, bold: true })),
      );
      config.requirements.forEach((requirement, index) =>
        area.line(1 + index, 1, [
          { text: partyName(requirement.from), background: partyColor(requirement.from).light },
          { text: partyName(requirement.to), background: partyColor(requirement.to).light },
          { text: requirement.text, wrap: true },
          { value: requirement.perMonth, format: formats.count },
        ]),
      );
    },
  });
}

interface PlacedChecklist {
  /** Checklist cell per `${requirementIndex}|${month}`, with the sheet name. */
  readonly cells: Map<string, string>;
  readonly validations: ValidationPlan[];
  readonly conditionalFormats: ConditionalFormatPlan[];
}

/** The checklist: a row per month, a column per requirement, counts users type in; absent without requirements. */
function checklistSection({
  config,
  labels,
  formats,
  months,
  ref,
}: AgreementTab): Section<PlacedChecklist> | undefined {
  const requirements = config.requirements;
  if (requirements.length === 0) return undefined;
  return {
    rows: 2 + months.length,
    place: (area) => {
      area.set(0, 1, { value: labels.section.checklist, bold: true });
      area.set(1, 1, { value: labels.checklistMonth, bold: true });
      const cells = new Map<string, string>();
      requirements.forEach((requirement, index) => {
        area.set(1, 2 + index, {
          text: `${requirement.text} (${requirement.perMonth}×)`,
          bold: true,
          background: partyColor(requirement.from).light,
          wrap: true,
        });
      });
      months.forEach((month, monthIndex) => {
        area.set(2 + monthIndex, 1, { formula: monthStartFormula(month), format: formats.month });
        requirements.forEach((requirement, index) => {
          const key = `${requirementKey(requirement.from, requirement.to, requirement.text)}|${month}`;
          area.set(2 + monthIndex, 2 + index, {
            value: "",
            format: formats.count,
            input: { key, fallbackKey: `req#${index}|${month}` },
          });
          cells.set(`${index}|${month}`, `${ref}!${area.a1(2 + monthIndex, 2 + index, true)}`);
        });
      });
      const ranges = requirements.map((_, index) => area.range(2, 2 + index, months.length, 1));
      return {
        cells,
        validations: requirements.map((requirement, index) => ({
          range: ranges[index]!,
          rule: { kind: "numberBetween", min: 0, max: 31 },
          helpText: `0–${requirement.perMonth}`,
        })),
        conditionalFormats: requirements.map((requirement, index) => ({
          ranges: [ranges[index]!],
          formula: `=${area.a1(2, 2 + index)}>=${requirement.perMonth}`,
          background: COLORS.good.background,
          color: COLORS.good.text,
        })),
      };
    },
  };
}

/** 4. Points of contact. */
function contactsSection({ config, labels, bandEnd, partyName }: AgreementTab): Section {
  return withBand(labels.section.contacts, bandEnd, {
    rows: 1 + config.contacts.length,
    place: (area) => {
      area.line(
        0,
        1,
        labels.contactHeaders.map((header) => ({ value: header, bold: true })),
      );
      config.contacts.forEach((contact, index) =>
        area.line(1 + index, 1, [
          { text: contact.name },
          { text: contact.email },
          { text: contact.role || "—" },
          { text: partyName(contact.party), background: partyColor(contact.party).light },
        ]),
      );
    },
  });
}

/** 5. Plan when goals are missed: strikes before escalation, the steps, service credits, each party's owner. */
function missedSection({ config, labels, formats, bandEnd, partyColumn }: AgreementTab): Section {
  const { missedGoals } = config;
  const credits = missedGoals.serviceCredits ? 2 : 0;
  return withBand(labels.section.missed, bandEnd, {
    rows: 5 + credits,
    place: (area) => {
      area.line(0, 1, [
        { value: labels.missed.strikes },
        { value: missedGoals.strikesBeforeEscalation, format: formats.count },
      ]);
      placeLongText(area, 1, labels.missed.steps, missedGoals.steps);
      if (credits) placeLongText(area, 3, labels.missed.credits, missedGoals.serviceCredits);
      const owners = 3 + credits;
      area.set(owners, 1, { value: labels.missed.owners });
      config.parties.forEach((party) => {
        const owner = config.contacts.find((contact) => contact.party === party.id);
        area.set(owners, partyColumn(party.id), {
          text: owner ? `${owner.name}${owner.role ? ` (${owner.role})` : ""}` : "—",
          background: partyColor(party.id).light,
        });
      });
      area.set(owners + 1, 1, { value: labels.missed.ledgerHint, italic: true, color: COLORS.muted });
    },
  });
}

/** 6. Cancellation terms and the review. */
function cancellationSection({ config, labels, formats, bandEnd }: AgreementTab): Section {
  return withBand(labels.section.cancellation, bandEnd, {
    rows: 6,
    place: (area) => {
      area.line(0, 1, [
        { value: labels.cancellation.missedInARow },
        { value: config.cancellation.missedMonthsInARow, format: formats.count },
      ]);
      placeLongText(area, 1, labels.cancellation.terms, config.cancellation.terms);
      placeLongText(area, 3, labels.cancellation.clauses, config.review.clauses);
      area.line(5, 1, [{ value: labels.reviewCadence }, { value: labels.cadences[config.review.cadence] }]);
    },
  });
}

function agreementTab(context: Omit<PlanContext, "work" | "checklist">): AgreementTab {
  const { config, labels } = context;
  const parties = config.parties;
  const lastPartyColumn = 1 + parties.length;
  const tiers = config.marketing.tiers.length;
  return {
    config,
    labels,
    formats: context.formats,
    ref: sheetRef(context.sheetNames.agreement),
    months: slaMonths(config),
    partyColumn: (id) => 2 + parties.findIndex((party) => party.id === id),
    partyName: (id) => parties.find((party) => party.id === id)?.name ?? id,
    bandEnd: Math.max(lastPartyColumn, labels.requirementHeaders.length, labels.contactHeaders.length),
    holidayColumn: holidayColumnOf(
      config.requirements.length,
      lastPartyColumn,
      tiers > 0 ? labels.tierHeaders.length : 0,
    ),
    hasWorkTime: config.sales.businessHours !== undefined || config.sales.holidays.length > 0,
  };
}

/** The ledger's cells per `${month}|${partyId}`, with the sheet name. */
function withSheet(ref: string, rows: ReadonlyMap<string, LedgerRow>): Map<string, LedgerRow> {
  return new Map(
    [...rows].map(([key, cells]) => [
      key,
      {
        goal: `${ref}!${cells.goal}`,
        met: `${ref}!${cells.met}`,
        strikes: `${ref}!${cells.strikes}`,
        escalation: `${ref}!${cells.escalation}`,
      },
    ]),
  );
}

/**
 * The working-time cells with the sheet name, once the sales goals placed theirs (`cells`), and the holiday
 * list beside the stack; `holidayRows`: the rows that list takes from row 1 (0 without working time).
 */
function placeWorkTime(
  sheet: SheetBuilder,
  tab: AgreementTab,
  cells: WorkTimeCells | undefined,
): { work: WorkTimeRefs | undefined; holidayRows: number } {
  if (!cells) return { work: undefined, holidayRows: 0 };
  const holidays = holidaySection(tab, cells.mask);
  const { ref } = tab;
  const work = {
    mask: `${ref}!${cells.mask}`,
    dayStart: `${ref}!${cells.dayStart}`,
    dayEnd: `${ref}!${cells.dayEnd}`,
    holidayDays: `${ref}!${holidays.place(areaAt(sheet, 1))}`,
  };
  return { work, holidayRows: holidays.rows };
}

/** `ledgerMonths`: month tabs present after this build, whose goal cell the misses ledger reads. */
export function planAgreement(
  context: Omit<PlanContext, "work" | "checklist">,
  ledgerMonths: ReadonlySet<string>,
): AgreementResult {
  const tab = agreementTab(context);
  const { ref, holidayColumn } = tab;
  const sheet = new SheetBuilder();
  const {
    placed: [, , , marketingNames, , salesGoals, capacity, , checklist],
    next,
  } = stack(
    sheet,
    [
      titleSection(tab),
      summarySection(tab),
      goalsSection(tab),
      marketingGoalSection(tab),
      tiersSection(tab),
      salesGoalsSection(tab),
      capacitySection(tab),
      requirementsSection(tab),
      checklistSection(tab),
      contactsSection(tab),
      missedSection(tab),
      cancellationSection(tab),
    ],
    { gap: 1 },
  );
  const { work, holidayRows } = placeWorkTime(sheet, tab, salesGoals.work);
  // The misses ledger: the record of the plan and terms above, month by month, reading their checklist;
  // below a long holiday list in its columns.
  const checklistCells = checklist?.cells ?? new Map<string, string>();
  const ledgerBand = withBand(
    context.labels.ledger.title,
    LEDGER_COLUMNS.notes,
    ledgerSection(context, checklistCells, ledgerMonths),
  );
  const minTop = holidayColumn <= LEDGER_COLUMNS.notes ? holidayRows + 2 : 0;
  const [ledger] = stack(sheet, [{ ...ledgerBand, minTop }], { top: next + 1 }).placed;

  // The holidays and the working days they take off sit in the last two columns, or left of the ledger's notes in column J.
  const columns = Math.max(holidayColumn + 1, LEDGER_COLUMNS.notes);
  return {
    sheet: {
      key: "agreement",
      name: context.sheetNames.agreement,
      tabColor: COLORS.marketing.strong,
      frozenRows: 0,
      frozenColumns: 0,
      minRows: sheet.lastRow + 5,
      minColumns: columns,
      columnWidths: [
        // The first column holds labels and paragraphs; the others the parties, tables and the ledger.
        { column: 1, count: 1, width: 420 },
        { column: 2, count: columns - 1, width: 200 },
      ],
      blocks: [sheet.toBlock({ row: 1, column: 1 })],
      validations: checklist?.validations ?? [],
      conditionalFormats: [...capacity, ...(checklist?.conditionalFormats ?? []), ...ledger.conditionalFormats],
      charts: [],
    },
    namedRanges: [...marketingNames, ...salesGoals.names],
    work,
    checklist: checklistCells,
    ledger: withSheet(ref, ledger.rows),
  };
}
