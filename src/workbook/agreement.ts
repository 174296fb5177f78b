/**
 * The Agreement tab: the six building blocks of an SLA (method §1) in one
 * column per party, the marketing goal calculation with its named ranges, lead
 * tiers, the sales capacity check, and the requirements checklist per month.
 */
import type { PartyId } from "../config/schema";
import { COLORS, monthStartFormula, slaMonths, type PlanContext } from "./context";
import {
  customersNeededFormula,
  holidayDayFormula,
  leadsNeededFormula,
  quote,
  revenueGoalFormula,
  weekendMask,
  type WorkTimeRefs,
} from "./formulas";
import { LEDGER_COLUMNS, placeLedger, type LedgerRow } from "./ledger";
import { SheetBuilder, a1, columnLetter, rangeA1, sheetRef } from "./sheetBuilder";
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

/** `ledgerMonths`: month tabs present after this build, whose goal cell the misses ledger reads. */
export function planAgreement(
  context: Omit<PlanContext, "work" | "checklist">,
  ledgerMonths: ReadonlySet<string>,
): AgreementResult {
  const { config, labels, formats } = context;
  const sheetName = context.sheetNames.agreement;
  const ref = sheetRef(sheetName);
  const sheet = new SheetBuilder();
  const namedRanges: NamedRangePlan[] = [];
  const validations: ValidationPlan[] = [];
  const conditionalFormats: ConditionalFormatPlan[] = [];
  const parties = config.parties;
  const partyColumn = (id: PartyId): number => 2 + parties.findIndex((party) => party.id === id);
  const lastPartyColumn = 1 + parties.length;
  // Section bands reach across the widest table of the sections: party columns, requirements, contacts.
  const bandEnd = Math.max(lastPartyColumn, labels.requirementHeaders.length, labels.contactHeaders.length);
  const months = slaMonths(config);
  const calculated: CellSpec = { background: COLORS.calculated };
  // A dark bar across the party columns (or, for the misses ledger, its own columns).
  const sectionHeader = (row: number, title: string, lastColumn = bandEnd): void => {
    sheet.set(row, 1, { value: title, bold: true, background: COLORS.header, color: COLORS.headerText });
    for (let column = 2; column <= lastColumn; column++) sheet.set(row, column, { background: COLORS.header });
  };
  // A paragraph users wrote: its label, then the text wrapping in the wide first column. Returns the next row.
  const longText = (at: number, label: string, text: string): number => {
    sheet.set(at, 1, { value: label, bold: true });
    sheet.set(at + 1, 1, { text: text || "—", wrap: true });
    return at + 2;
  };
  const name = (rangeName: string, row: number, column: number): void => {
    namedRanges.push({ name: rangeName, sheetKey: "agreement", range: a1(row, column) });
  };

  let row = 1;
  sheet.set(row, 1, { text: config.title, bold: true });
  row += 1;
  const first = months[0] ?? config.startMonth;
  const last = months[months.length - 1] ?? config.startMonth;
  sheet.set(row, 1, {
    value: `${labels.period}: ${first} – ${last} · ${labels.kinds[config.kind]} · ${labels.reviewCadence}: ${labels.cadences[config.review.cadence]}`,
    italic: true,
    color: COLORS.muted,
  });
  row += 1;
  sheet.set(row, 1, { value: labels.generatedNote, italic: true, color: COLORS.muted });
  row += 2;

  // 1. Summary
  sectionHeader(row, labels.section.summary);
  row += 1;
  sheet.set(row, 1, { text: config.summary || "—", wrap: true });
  row += 2;

  // 2. Goals, one column per party, and the marketing goal calculation.
  sectionHeader(row, labels.section.goals);
  row += 1;
  parties.forEach((party) =>
    sheet.set(row, partyColumn(party.id), {
      text: party.name,
      bold: true,
      background: partyColor(party.id).strong,
      color: COLORS.headerText,
    }),
  );
  row += 1;
  const goalsRow = row;
  row += 2;

  sheet.set(row, 1, { value: labels.section.marketingGoal, bold: true });
  row += 1;
  const inputRow = (label: string, cell: CellSpec, rangeName?: string): number => {
    sheet.set(row, 1, { value: label });
    sheet.set(row, 2, { background: COLORS.marketing.light, ...cell });
    if (rangeName) name(rangeName, row, 2);
    row += 1;
    return row - 1;
  };
  inputRow(labels.inputs.quota, { value: config.marketing.quota, format: formats.money }, "Quota");
  inputRow(
    labels.inputs.marketingShare,
    { value: config.marketing.marketingShare, format: formats.percent },
    "MarketingShare",
  );
  inputRow(labels.inputs.avgDealSize, { value: config.marketing.avgDealSize, format: formats.money }, "AvgDealSize");
  inputRow(labels.inputs.closeRate, { value: config.marketing.closeRate, format: formats.percent }, "CloseRate");
  inputRow(
    labels.inputs.revenueGoal,
    { ...calculated, formula: revenueGoalFormula("Quota", "MarketingShare"), format: formats.money },
    "RevenueGoal",
  );
  inputRow(
    labels.inputs.customersNeeded,
    { ...calculated, formula: customersNeededFormula("RevenueGoal", "AvgDealSize"), format: formats.count },
    "CustomersNeeded",
  );
  inputRow(
    labels.inputs.leadsNeeded,
    { ...calculated, formula: leadsNeededFormula("CustomersNeeded", "CloseRate"), format: formats.count, bold: true },
    "LeadsNeeded",
  );

  const tiers = config.marketing.tiers;
  if (tiers.length > 0) {
    row += 1;
    sheet.set(row, 1, { value: labels.section.tiers, bold: true });
    row += 1;
    sheet.row(
      row,
      1,
      labels.tierHeaders.map((header) => ({ value: header, bold: true, background: COLORS.marketing.light })),
    );
    row += 1;
    const firstTierRow = row;
    // Tier shares split the marketing share (method §2): a tier without its own share gets an even part of what the others leave.
    const ownShareCells = tiers.flatMap((tier, index) =>
      tier.marketingShare === undefined ? [] : [a1(firstTierRow + index, 3)],
    );
    const withoutOwnShare = tiers.filter((tier) => tier.marketingShare === undefined).length;
    const left =
      ownShareCells.length === 0 ? "MarketingShare" : `MAX(0,MarketingShare-SUM(${ownShareCells.join(",")}))`;
    const evenPart = withoutOwnShare === 1 ? left : `${left}/${withoutOwnShare}`;
    for (const tier of tiers) {
      const share = tier.marketingShare === undefined ? { formula: evenPart } : { value: tier.marketingShare };
      const deal = tier.avgDealSize === undefined ? { formula: "AvgDealSize" } : { value: tier.avgDealSize };
      const close = tier.closeRate === undefined ? { formula: "CloseRate" } : { value: tier.closeRate };
      const customers = customersNeededFormula(revenueGoalFormula("Quota", a1(row, 3)), a1(row, 4));
      sheet.row(row, 1, [
        { text: tier.name },
        tier.valuePerLead === undefined ? { value: "" } : { value: tier.valuePerLead, format: formats.money },
        { ...share, format: formats.percent },
        { ...deal, format: formats.money },
        { ...close, format: formats.percent },
        { ...calculated, formula: leadsNeededFormula(`(${customers})`, a1(row, 5)), format: formats.count },
        { ...calculated, formula: `IF(${a1(row, 2)}="","",${a1(row, 2)}*${a1(row, 6)})`, format: formats.money },
      ]);
      row += 1;
    }
    if (tiers.some((tier) => tier.valuePerLead !== undefined)) {
      sheet.set(row, 1, { value: labels.inputs.valueGoal, bold: true });
      sheet.set(row, 7, {
        ...calculated,
        formula: `SUM(${rangeA1(firstTierRow, 7, tiers.length, 1)})`,
        format: formats.money,
        bold: true,
      });
      row += 1;
    }
  }

  row += 1;
  inputRow(
    labels.inputs.followUpHours,
    { value: config.sales.followUpHours, format: formats.hours, background: COLORS.sales.light },
    "FollowUpGoalHours",
  );
  inputRow(
    labels.inputs.followUpAttempts,
    { value: config.sales.followUpAttempts, format: formats.count, background: COLORS.sales.light },
    "FollowUpGoalAttempts",
  );
  const hours = config.sales.businessHours;
  inputRow(labels.inputs.businessHours, {
    value: hours ? businessHoursText(hours.days, hours.start, hours.end, config.language) : labels.inputs.allHours,
    background: COLORS.sales.light,
  });
  let work: WorkTimeRefs | undefined;
  const holidayColumn = holidayColumnOf(
    config.requirements.length,
    lastPartyColumn,
    tiers.length > 0 ? labels.tierHeaders.length : 0,
  );
  const holidays = config.sales.holidays;
  if (hours || holidays.length > 0) {
    const days = hours?.days ?? [0, 1, 2, 3, 4, 5, 6];
    const maskRow = inputRow(labels.inputs.workdayMask, {
      ...calculated,
      text: weekendMask(days),
      format: formats.text,
    });
    const startRow = inputRow(labels.inputs.dayStart, {
      ...calculated,
      formula: clockFormula(hours?.start ?? "00:00"),
      format: "hh:mm",
    });
    const endRow = inputRow(labels.inputs.dayEnd, {
      ...calculated,
      formula: clockFormula(hours?.end ?? "24:00"),
      format: "hh:mm",
    });
    sheet.set(1, holidayColumn, { value: labels.section.holidays, bold: true });
    const holidayRows = Math.max(1, holidays.length);
    holidays.forEach((day, index) => {
      const [y, m, d] = day.split("-").map(Number);
      sheet.set(2 + index, holidayColumn, { formula: `DATE(${y},${m},${d})`, format: formats.date });
    });
    // Beside them, the working days they take off: what the lead log's response hours subtract.
    const mask = a1(maskRow, 2, true);
    sheet.set(1, holidayColumn + 1, { value: labels.section.holidayDays, bold: true });
    for (let index = 0; index < holidayRows; index++) {
      const above = index > 0 ? rangeA1(2, holidayColumn + 1, index, 1, true) : undefined;
      sheet.set(2 + index, holidayColumn + 1, {
        ...calculated,
        formula: holidayDayFormula(a1(2 + index, holidayColumn), mask, above),
        format: formats.date,
      });
    }
    work = {
      mask: `${ref}!${mask}`,
      dayStart: `${ref}!${a1(startRow, 2, true)}`,
      dayEnd: `${ref}!${a1(endRow, 2, true)}`,
      holidayDays: `${ref}!${rangeA1(2, holidayColumn + 1, holidayRows, 1, true)}`,
    };
  }

  // Capacity check (method §5): do the reps have the hours for the depth goal?
  row += 1;
  sheet.set(row, 1, { value: labels.section.capacity, bold: true });
  row += 1;
  const repsRow = inputRow(labels.capacity.reps, {
    value: config.sales.reps,
    format: formats.count,
    background: COLORS.sales.light,
  });
  const perRepRow = inputRow(labels.capacity.leadsPerRep, {
    ...calculated,
    formula: `LeadsNeeded/${a1(repsRow, 2)}`,
    format: formats.decimal,
  });
  const minutesRow = inputRow(labels.capacity.minutesPerAttempt, {
    value: config.sales.minutesPerAttempt,
    format: formats.count,
    background: COLORS.sales.light,
  });
  const neededRow = inputRow(labels.capacity.hoursNeeded, {
    ...calculated,
    formula: `${a1(perRepRow, 2)}*FollowUpGoalAttempts*${a1(minutesRow, 2)}/60`,
    format: formats.decimal,
  });
  const availableRow = inputRow(labels.capacity.hoursAvailable, {
    value: config.sales.hoursPerRep,
    format: formats.decimal,
    background: COLORS.sales.light,
  });
  const loadRow = inputRow(labels.capacity.load, {
    ...calculated,
    formula: `${a1(neededRow, 2)}/${a1(availableRow, 2)}`,
    format: formats.percent,
  });
  const statusRow = inputRow(labels.capacity.status, {
    ...calculated,
    formula: `IF(${a1(loadRow, 2)}<=1,${quote(labels.capacity.fits)},${quote(labels.capacity.short)})`,
    bold: true,
  });
  conditionalFormats.push(
    {
      ranges: [a1(statusRow, 2)],
      formula: `=${a1(loadRow, 2, true)}<=1`,
      background: COLORS.good.background,
      color: COLORS.good.text,
    },
    {
      ranges: [a1(statusRow, 2)],
      formula: `=${a1(loadRow, 2, true)}>1`,
      background: COLORS.bad.background,
      color: COLORS.bad.text,
    },
  );

  // Goals row, written now that the named ranges exist.
  parties.forEach((party) => {
    const goal: CellSpec =
      party.id === "marketing"
        ? { formula: labels.goalMarketing("LeadsNeeded").slice(1) }
        : party.id === "sales"
          ? { formula: labels.goalSales("FollowUpGoalHours", "FollowUpGoalAttempts").slice(1) }
          : { value: labels.goalService };
    sheet.set(goalsRow, partyColumn(party.id), { ...goal, background: partyColor(party.id).light, wrap: true });
  });

  // 3. Requirements of both parties, then the checklist (a row per month, a column per requirement).
  row += 1;
  sectionHeader(row, labels.section.requirements);
  row += 1;
  const partyName = (id: PartyId): string => parties.find((party) => party.id === id)?.name ?? id;
  sheet.row(
    row,
    1,
    labels.requirementHeaders.map((header) => ({ value: header, bold: true })),
  );
  row += 1;
  for (const requirement of config.requirements) {
    sheet.row(row, 1, [
      { text: partyName(requirement.from), background: partyColor(requirement.from).light },
      { text: partyName(requirement.to), background: partyColor(requirement.to).light },
      { text: requirement.text, wrap: true },
      { value: requirement.perMonth, format: formats.count },
    ]);
    row += 1;
  }
  const checklist = new Map<string, string>();
  if (config.requirements.length > 0) {
    row += 1;
    sheet.set(row, 1, { value: labels.section.checklist, bold: true });
    row += 1;
    sheet.set(row, 1, { value: labels.checklistMonth, bold: true });
    config.requirements.forEach((requirement, index) => {
      sheet.set(row, 2 + index, {
        text: `${requirement.text} (${requirement.perMonth}×)`,
        bold: true,
        background: partyColor(requirement.from).light,
        wrap: true,
      });
    });
    row += 1;
    const firstChecklistRow = row;
    for (const month of months) {
      sheet.set(row, 1, { formula: monthStartFormula(month), format: formats.month });
      config.requirements.forEach((requirement, index) => {
        const key = `${requirementKey(requirement.from, requirement.to, requirement.text)}|${month}`;
        sheet.set(row, 2 + index, {
          value: "",
          format: formats.count,
          input: { key, fallbackKey: `req#${index}|${month}` },
        });
        checklist.set(`${index}|${month}`, `${ref}!${a1(row, 2 + index, true)}`);
      });
      row += 1;
    }
    config.requirements.forEach((requirement, index) => {
      const column = 2 + index;
      const range = rangeA1(firstChecklistRow, column, months.length, 1);
      validations.push({
        range,
        rule: { kind: "numberBetween", min: 0, max: 31 },
        helpText: `0–${requirement.perMonth}`,
      });
      conditionalFormats.push({
        ranges: [range],
        formula: `=${columnLetter(column)}${firstChecklistRow}>=${requirement.perMonth}`,
        background: COLORS.good.background,
        color: COLORS.good.text,
      });
    });
  }

  // 4. Points of contact.
  row += 1;
  sectionHeader(row, labels.section.contacts);
  row += 1;
  sheet.row(
    row,
    1,
    labels.contactHeaders.map((header) => ({ value: header, bold: true })),
  );
  row += 1;
  for (const contact of config.contacts) {
    sheet.row(row, 1, [
      { text: contact.name },
      { text: contact.email },
      { text: contact.role || "—" },
      { text: partyName(contact.party), background: partyColor(contact.party).light },
    ]);
    row += 1;
  }

  // 5. Plan when goals are missed.
  row += 1;
  sectionHeader(row, labels.section.missed);
  row += 1;
  sheet.row(row, 1, [
    { value: labels.missed.strikes },
    { value: config.missedGoals.strikesBeforeEscalation, format: formats.count },
  ]);
  row += 1;
  row = longText(row, labels.missed.steps, config.missedGoals.steps);
  if (config.missedGoals.serviceCredits) row = longText(row, labels.missed.credits, config.missedGoals.serviceCredits);
  sheet.set(row, 1, { value: labels.missed.owners });
  parties.forEach((party) => {
    const owner = config.contacts.find((contact) => contact.party === party.id);
    sheet.set(row, partyColumn(party.id), {
      text: owner ? `${owner.name}${owner.role ? ` (${owner.role})` : ""}` : "—",
      background: partyColor(party.id).light,
    });
  });
  row += 1;
  sheet.set(row, 1, { value: labels.missed.ledgerHint, italic: true, color: COLORS.muted });
  row += 2;

  // 6. Cancellation terms and the review.
  sectionHeader(row, labels.section.cancellation);
  row += 1;
  sheet.row(row, 1, [
    { value: labels.cancellation.missedInARow },
    { value: config.cancellation.missedMonthsInARow, format: formats.count },
  ]);
  row += 1;
  row = longText(row, labels.cancellation.terms, config.cancellation.terms);
  row = longText(row, labels.cancellation.clauses, config.review.clauses);
  sheet.row(row, 1, [{ value: labels.reviewCadence }, { value: labels.cadences[config.review.cadence] }]);
  row += 2;

  // The misses ledger: the record of the plan and terms above, month by month; below a long holiday list in its columns.
  const holidayBottom = work && holidayColumn <= LEDGER_COLUMNS.notes ? 1 + Math.max(1, holidays.length) : 0;
  row = Math.max(row, holidayBottom + 2);
  sectionHeader(row, labels.ledger.title, LEDGER_COLUMNS.notes);
  const ledger = placeLedger(sheet, row + 1, context, checklist, ledgerMonths);
  conditionalFormats.push(...ledger.conditionalFormats);

  // The holidays and the working days they take off sit in the last two columns, or left of the ledger's notes in column J.
  const columns = Math.max(holidayColumn + 1, LEDGER_COLUMNS.notes);
  return {
    sheet: {
      key: "agreement",
      name: sheetName,
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
      validations,
      conditionalFormats,
      charts: [],
    },
    namedRanges,
    work,
    checklist,
    ledger: new Map(
      [...ledger.rows].map(([key, cells]) => [
        key,
        {
          goal: `${ref}!${cells.goal}`,
          met: `${ref}!${cells.met}`,
          strikes: `${ref}!${cells.strikes}`,
          escalation: `${ref}!${cells.escalation}`,
        },
      ]),
    ),
  };
}
