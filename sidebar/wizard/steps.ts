/**
 * The six steps of the wizard, each a function from the form to DOM nodes.
 * All user text goes in through `textContent` (via `h`), never as HTML.
 */
import type { PartyId } from "../../src/config/schema";
import type { Language } from "../../src/core/i18n";
import { type Child, button, fieldId, h } from "./dom";
import type { FieldKit, InputOptions } from "./fields";
import { CADENCES, type FormState, partiesOf, syncReps } from "./form";
import {
  capacityPreview,
  formatMoney,
  formatNumber,
  formatPercent,
  goalPreview,
  monthName,
  tierPreview,
} from "./preview";
import type { Strings } from "./strings";

export interface StepUi {
  readonly t: Strings;
  readonly lang: Language;
  readonly form: FormState;
  readonly kit: FieldKit;
  /** Re-renders the step after a change of its structure, then focuses the element with this id. */
  restructure(focusId?: string, clearErrorsUnder?: string): void;
  /** A container re-rendered after every edit: live previews. */
  live(render: () => Child[], attrs?: Record<string, string>): HTMLElement;
  goTo(step: number): void;
}

type Extra = Partial<Omit<InputOptions, "path" | "label" | "value" | "onInput">>;
type TextKey<R> = { [K in keyof R]: R[K] extends string ? K : never }[keyof R];

const DEC: Extra = { inputMode: "decimal" };
const NUM: Extra = { inputMode: "numeric", className: "wz-narrow" };
const DAY_ORDER = [1, 2, 3, 4, 5, 6, 0];

/**
 * A text field bound to a string property of the form or of one of its rows:
 * the property is named like the last part of the field's config path.
 */
function field<R extends object>(
  kit: FieldKit,
  row: R,
  path: (TextKey<R> & string) | `${string}.${TextKey<R> & string}`,
  label: string,
  extra: Extra = {},
): HTMLElement {
  const key = path.slice(path.lastIndexOf(".") + 1) as TextKey<R>;
  return kit.input({
    path,
    label,
    value: row[key] as string,
    onInput: (value) => {
      (row as Record<string, unknown>)[key as string] = value;
    },
    ...extra,
  });
}

function partyOptions(ui: StepUi, current: PartyId): [PartyId, string][] {
  const ids = partiesOf(ui.form.kind);
  // A party that is no longer part of the SLA stays visible, so its problem can be seen and fixed.
  if (!ids.includes(current)) ids.push(current);
  return ids.map((id) => [id, ui.form.partyNames[id].trim() || ui.t.partyLabel[id]]);
}

function partySelect(
  ui: StepUi,
  row: { [key: string]: unknown },
  key: string,
  path: string,
  label: string,
): HTMLElement {
  const value = row[key] as PartyId;
  return ui.kit.select({ path, label, value, options: partyOptions(ui, value), onChange: (next) => (row[key] = next) });
}

interface ListOptions<R> {
  readonly path: string;
  readonly id: string;
  readonly list: R[];
  readonly legend: string;
  readonly legendClass?: string;
  readonly hint?: string;
  readonly heading: (n: number) => string;
  readonly removeLabel: (n: number) => string;
  readonly add: string;
  readonly empty: string;
  readonly make: () => R;
  /** The field focused in a new row. */
  readonly first: string;
  readonly body: (row: R, base: string, index: number) => Child[];
}

/** A group of rows (contacts, tiers, requirements) with Remove per row and Add below. */
function rows<R>(ui: StepUi, o: ListOptions<R>): HTMLElement {
  const cards = o.list.map((row, index) => {
    const base = `${o.path}.${index}`;
    const remove = button(
      ui.t.remove,
      () => {
        o.list.splice(index, 1);
        const next = Math.min(index, o.list.length - 1);
        ui.restructure(next >= 0 ? `remove-${o.id}-${next}` : `add-${o.id}`, o.path);
      },
      "wz-link-button",
      { id: `remove-${o.id}-${index}`, "aria-label": o.removeLabel(index + 1) },
    );
    return h(
      "div.wz-card",
      { attrs: { "data-row": base } },
      h("div.wz-row-head", {}, h("h3", { text: o.heading(index + 1) }), remove),
      ...o.body(row, base, index),
    );
  });
  return ui.kit.group(
    { path: o.path, legend: o.legend, hint: o.hint, legendClass: o.legendClass },
    ...cards,
    o.list.length === 0 ? h("p.wz-empty.secondary", { text: o.empty }) : null,
    h(
      "div.wz-add",
      {},
      button(
        `+ ${o.add}`,
        () => {
          o.list.push(o.make());
          ui.restructure(fieldId(`${o.path}.${o.list.length - 1}${o.first}`), o.path);
        },
        "wz-add-button",
        { id: `add-${o.id}` },
      ),
    ),
  );
}

interface InlineOptions {
  readonly path: string;
  readonly id: string;
  readonly list: string[];
  readonly legend: string;
  readonly hint: string;
  readonly label: (n: number) => string;
  readonly removeLabel: (n: number) => string;
  readonly add: string;
  readonly empty: string;
  readonly type?: InputOptions["type"];
  readonly maxLength?: number;
  /** Called on every change of the list: a row typed in, added or removed. */
  readonly edited?: () => void;
}

/** A list of one-field rows (holidays, reps) with Remove beside each and Add below. */
function inlineRows(ui: StepUi, o: InlineOptions): HTMLElement {
  const { t, kit } = ui;
  const change = (): void => o.edited?.();
  return kit.group(
    { path: o.path, legend: o.legend, hint: o.hint },
    ...o.list.map((value, index) =>
      h(
        "div.wz-inline-row",
        {},
        kit.input({
          path: `${o.path}.${index}`,
          label: o.label(index + 1),
          type: o.type,
          maxLength: o.maxLength,
          value,
          className: "wz-grow",
          onInput: (next) => {
            o.list[index] = next;
            change();
          },
        }),
        button(
          t.remove,
          () => {
            o.list.splice(index, 1);
            change();
            const next = Math.min(index, o.list.length - 1);
            ui.restructure(next >= 0 ? `remove-${o.id}-${next}` : `add-${o.id}`, o.path);
          },
          "wz-link-button",
          { id: `remove-${o.id}-${index}`, "aria-label": o.removeLabel(index + 1) },
        ),
      ),
    ),
    o.list.length === 0 ? incomplete(o.empty) : null,
    h(
      "div.wz-add",
      {},
      button(
        `+ ${o.add}`,
        () => {
          o.list.push("");
          change();
          ui.restructure(fieldId(`${o.path}.${o.list.length - 1}`), o.path);
        },
        "wz-add-button",
        { id: `add-${o.id}` },
      ),
    ),
  );
}

function stat(label: string, value: string, id: string, className = ""): HTMLElement {
  return h("div.wz-stat", { className }, h("dt", { text: label }), h("dd", { id, text: value }));
}

function preview(title: string | null, id: string, ...children: Child[]): HTMLElement {
  return h(
    "section.wz-preview",
    { attrs: { "aria-labelledby": title ? id : undefined, "aria-label": title ? undefined : id } },
    title ? h("h3", { id, text: title }) : null,
    ...children,
  );
}

const incomplete = (text: string): HTMLElement => h("p.secondary.wz-empty", { text });

// ---------------------------------------------------------------- 1. Agreement

export function stepAgreement(ui: StepUi): Child[] {
  const { t, form, kit } = ui;
  const kindGroup = kit.group(
    { path: "kind", legend: t.kindLegend },
    ...(["internal", "multiLevel"] as const).map((kind) =>
      kit.choice({
        id: `f-kind-${kind}`,
        type: "radio",
        name: "kind",
        label: kind === "internal" ? t.kindInternal : t.kindMulti,
        hint: kind === "internal" ? t.kindInternalHint : t.kindMultiHint,
        checked: form.kind === kind,
        attrs: { value: kind },
        onChange: (checked) => {
          if (!checked) return;
          form.kind = kind;
          ui.restructure(`f-kind-${kind}`);
        },
      }),
    ),
  );
  const checked = kindGroup.querySelector<HTMLInputElement>("input:checked");
  if (checked) kit.target("kind", checked);

  const partyGroup = kit.group(
    { path: "parties", legend: t.partiesLegend },
    ...partiesOf(form.kind).map((id, index) =>
      kit.input({
        path: `parties.${index}.name`,
        label: t.partyLabel[id],
        hint: id === "service" ? t.serviceHint : undefined,
        maxLength: 60,
        value: form.partyNames[id],
        onInput: (value) => {
          form.partyNames[id] = value;
          // The party pickers of the contacts below follow the name as it is typed.
          for (const option of document.querySelectorAll<HTMLOptionElement>(
            `select[name$=".party"] option[value="${id}"]`,
          ))
            option.textContent = value.trim() || t.partyLabel[id];
        },
      }),
    ),
  );

  const contacts = rows(ui, {
    path: "contacts",
    id: "contact",
    list: form.contacts,
    legend: t.contactsLegend,
    hint: t.contactsHint,
    heading: t.contactHeading,
    removeLabel: t.removeContact,
    add: t.addContact,
    empty: t.noContacts,
    make: () => ({ name: "", email: "", role: "", party: "marketing" }),
    first: ".name",
    body: (contact, base) => [
      field(kit, contact, `${base}.name`, t.contactName, { maxLength: 80 }),
      field(kit, contact, `${base}.email`, t.contactEmail, { type: "email", inputMode: "email" }),
      field(kit, contact, `${base}.role`, t.optional(t.contactRole), { maxLength: 80 }),
      partySelect(ui, contact as unknown as Record<string, unknown>, "party", `${base}.party`, t.contactParty),
    ],
  });

  const details = kit.group(
    { legend: t.detailsLegend },
    field(kit, form, "title", t.title, { maxLength: 120 }),
    field(kit, form, "summary", t.optional(t.summary), {
      hint: t.summaryHint,
      multiline: true,
      rows: 4,
      maxLength: 1000,
    }),
    h(
      "div.wz-columns",
      {},
      field(kit, form, "startMonth", t.startMonth, { type: "month", placeholder: "2026-03" }),
      field(kit, form, "months", t.months, { inputMode: "numeric" }),
    ),
    h("p.wz-hint.wz-columns-hint", { text: t.startMonthHint }),
    h(
      "div.wz-columns",
      {},
      kit.select<Language>({
        path: "language",
        label: t.language,
        value: form.language,
        options: [
          ["en", t.languageNames.en],
          ["de", t.languageNames.de],
        ],
        onChange: (value) => (form.language = value),
      }),
      field(kit, form, "currency", t.currency, { maxLength: 3 }),
    ),
    h("p.wz-hint.wz-columns-hint", { text: t.currencyHint }),
  );
  return [kindGroup, partyGroup, contacts, details];
}

// ---------------------------------------------------------------- 2. Marketing goal

export function stepGoal(ui: StepUi): Child[] {
  const { t, form, kit, lang } = ui;
  const code = form.currency.trim().toUpperCase();
  const money = (label: string): string => (code ? `${label} (${code})` : label);
  const inputs = kit.group(
    { legend: t.stepTitles[1] ?? "", legendClass: "wz-sr-only" },
    field(kit, form, "marketing.quota", money(t.quota), { ...DEC, hint: t.quotaHint }),
    field(kit, form, "marketing.marketingShare", t.share, { ...DEC, hint: t.shareHint }),
    field(kit, form, "marketing.avgDealSize", money(t.dealSize), DEC),
    field(kit, form, "marketing.closeRate", t.closeRate, { ...DEC, hint: t.closeRateHint }),
    field(kit, form, "marketing.paceTolerance", t.paceTolerance, { ...DEC, hint: t.paceToleranceHint }),
  );
  const goal = preview(
    t.previewHeading,
    "preview-heading",
    ui.live(() => {
      const result = goalPreview(form, lang);
      if (!result) return [incomplete(t.previewIncomplete)];
      return [
        h(
          "dl.wz-stats",
          {},
          stat(t.revenueGoal, formatMoney(result.revenue, form.currency, lang), "preview-revenue"),
          stat(t.customersNeeded, formatNumber(result.customers, lang), "preview-customers"),
          stat(t.leadsNeeded, formatNumber(result.leads, lang), "preview-leads", "wz-stat-strong"),
          result.daily
            ? stat(
                t.dailyTarget(result.daily.month, result.daily.days),
                t.perDay(formatNumber(result.daily.perDay, lang, 1)),
                "preview-daily",
              )
            : null,
        ),
      ];
    }),
  );
  return [inputs, goal];
}

// ---------------------------------------------------------------- 3. Lead tiers

export function stepTiers(ui: StepUi): Child[] {
  const { t, form, kit, lang } = ui;
  const tiers = rows(ui, {
    path: "marketing.tiers",
    id: "tier",
    list: form.tiers,
    legend: t.stepTitles[2] ?? "",
    legendClass: "wz-sr-only",
    heading: t.tierHeading,
    removeLabel: t.removeTier,
    add: t.addTier,
    empty: t.noTiers,
    make: () => ({ name: "", valuePerLead: "", marketingShare: "", avgDealSize: "", closeRate: "", followUpHours: "" }),
    first: ".name",
    body: (tier, base, index) => [
      field(kit, tier, `${base}.name`, t.tierName, { hint: index === 0 ? t.tierNameHint : undefined, maxLength: 40 }),
      field(kit, tier, `${base}.valuePerLead`, t.optional(t.valuePerLead), DEC),
      h(
        "details.wz-details",
        {
          attrs: {
            open:
              tier.marketingShare !== "" ||
              tier.avgDealSize !== "" ||
              tier.closeRate !== "" ||
              tier.followUpHours !== "",
          },
        },
        h("summary", { text: t.ownInputs }),
        h("p.wz-hint", { text: t.ownInputsHint }),
        field(kit, tier, `${base}.marketingShare`, t.tierShare, { ...DEC, hint: t.tierShareHint }),
        field(kit, tier, `${base}.avgDealSize`, t.tierDeal, DEC),
        field(kit, tier, `${base}.closeRate`, t.tierClose, DEC),
        field(kit, tier, `${base}.followUpHours`, t.tierSpeed, DEC),
      ),
      ui.live(
        () => {
          const result = tierPreview(form).tiers[index];
          if (!result) return [];
          const value =
            result.value === undefined ? "" : ` · ${t.tierValue}: ${formatMoney(result.value, form.currency, lang)}`;
          return [`${t.tierLeads}: ${formatNumber(result.leads, lang)}${value}`];
        },
        { class: "wz-tier-result secondary", id: `tier-result-${index}` },
      ),
    ],
  });
  const total = preview(
    t.valueGoal,
    "value-goal-heading",
    ui.live(() => {
      const goal = tierPreview(form).valueGoal;
      return [
        goal === undefined
          ? incomplete(t.valueGoalNone)
          : h("p.wz-big", { id: "preview-value-goal", text: formatMoney(goal, form.currency, lang) }),
      ];
    }),
  );
  const sources = field(kit, form, "marketing.sources", t.sources, { hint: t.sourcesHint });
  return [tiers, total, sources];
}

// ---------------------------------------------------------------- 4. Sales follow-up

export function stepFollowUp(ui: StepUi): Child[] {
  const { t, form, kit, lang } = ui;
  const goals = kit.group(
    { legend: t.speedLegend },
    field(kit, form, "sales.followUpHours", t.speed, { ...DEC, hint: t.speedHint }),
    field(kit, form, "sales.followUpAttempts", t.depth, { inputMode: "numeric", hint: t.depthHint }),
    field(kit, form, "sales.speedBandMinutes", t.bands, { hint: t.bandsHint }),
  );

  const hours = kit.group(
    { path: "sales.businessHours", legend: t.businessHours, legendClass: "wz-sr-only" },
    kit.choice({
      id: "f-use-business-hours",
      type: "checkbox",
      label: t.businessHoursToggle,
      hint: t.businessHoursHint,
      checked: form.useBusinessHours,
      onChange: (checked) => {
        form.useBusinessHours = checked;
        ui.restructure("f-use-business-hours", "sales.businessHours");
      },
    }),
    form.useBusinessHours
      ? h(
          "div.wz-indent",
          {},
          kit.group(
            {
              path: "sales.businessHours.days",
              legend: t.daysLegend,
              className: "wz-days",
              legendClass: "wz-sublegend",
            },
            h(
              "div.wz-day-row",
              {},
              ...DAY_ORDER.map((day) =>
                kit.choice({
                  id: `f-day-${day}`,
                  type: "checkbox",
                  label: t.dayShort[day] ?? "",
                  className: "wz-day",
                  checked: form.days.includes(day),
                  attrs: { "aria-label": t.dayNames[day] ?? "" },
                  onChange: (on) => {
                    form.days = on ? [...new Set([...form.days, day])] : form.days.filter((d) => d !== day);
                  },
                }),
              ),
            ),
          ),
          h(
            "div.wz-columns",
            {},
            field(kit, form, "sales.businessHours.start", t.opensAt, { type: "time" }),
            field(kit, form, "sales.businessHours.end", t.closesAt, { type: "time" }),
          ),
        )
      : null,
  );

  const holidays = inlineRows(ui, {
    path: "sales.holidays",
    id: "holiday",
    list: form.holidays,
    legend: t.holidaysLegend,
    hint: t.holidaysHint,
    label: t.holiday,
    removeLabel: t.removeHoliday,
    add: t.addHoliday,
    empty: t.noHolidays,
    type: "date",
  });
  syncReps(form);
  const edited = (): void => {
    form.repsFollowContacts = false;
  };
  const reps = inlineRows(ui, {
    path: "sales.reps",
    id: "rep",
    list: form.reps,
    legend: t.reps,
    hint: t.repsHint,
    label: t.rep,
    removeLabel: t.removeRep,
    add: t.addRep,
    empty: t.noReps,
    maxLength: 100,
    edited,
  });

  const capacity = kit.group(
    { legend: t.capacityLegend },
    h(
      "div.wz-columns",
      {},
      field(kit, form, "sales.minutesPerAttempt", t.minutesPerAttempt, DEC),
      field(kit, form, "sales.hoursPerRep", t.hoursPerRep, DEC),
    ),
    preview(
      null,
      t.capacityLegend,
      ui.live(() => {
        const result = capacityPreview(form);
        if (!result) return [incomplete(t.capacityIncomplete)];
        return [
          h(
            "dl.wz-stats",
            {},
            stat(t.leadsPerRep, formatNumber(result.leadsPerRep, lang, 1), "capacity-leads"),
            stat(t.hoursNeeded, formatNumber(result.hoursNeeded, lang, 1), "capacity-needed"),
            stat(
              t.load,
              formatPercent(result.load, lang),
              "capacity-load",
              result.load > 1 ? "wz-stat-strong wz-over" : "wz-stat-strong",
            ),
          ),
        ];
      }),
      // The verdict is announced when it changes; the numbers are not, to keep typing quiet.
      ui.live(
        () => {
          const result = capacityPreview(form);
          if (!result) return [];
          const short = result.load > 1;
          const text = short
            ? t.capacityShort(formatNumber(result.hoursNeeded, lang, 1), formatNumber(result.hoursAvailable, lang, 1))
            : t.capacityFits;
          return [h("p", { className: short ? "wz-warning" : "wz-ok", id: "capacity-status", text })];
        },
        { "aria-live": "polite", class: "wz-capacity-status" },
      ),
    ),
  );
  return [goals, hours, holidays, reps, capacity];
}

// ---------------------------------------------------------------- 5. Terms

export function stepTerms(ui: StepUi): Child[] {
  const { t, form, kit } = ui;
  const requirements = rows(ui, {
    path: "requirements",
    id: "requirement",
    list: form.requirements,
    legend: t.requirementsLegend,
    hint: t.requirementsHint,
    heading: t.requirementHeading,
    removeLabel: t.removeRequirement,
    add: t.addRequirement,
    empty: t.noRequirements,
    make: () => ({ from: "sales", to: "marketing", text: "", perMonth: "1" }),
    first: ".text",
    body: (requirement, base) => [
      h(
        "div.wz-columns",
        {},
        partySelect(ui, requirement as unknown as Record<string, unknown>, "from", `${base}.from`, t.requirementFrom),
        partySelect(ui, requirement as unknown as Record<string, unknown>, "to", `${base}.to`, t.requirementTo),
      ),
      field(kit, requirement, `${base}.text`, t.requirementText, { multiline: true, rows: 2, maxLength: 200 }),
      field(kit, requirement, `${base}.perMonth`, t.requirementTimes, NUM),
    ],
  });
  const text = (rowsCount: number, maxLength: number, hint?: string): Extra => ({
    multiline: true,
    rows: rowsCount,
    maxLength,
    hint,
  });
  const missed = kit.group(
    { path: "missedGoals", legend: t.missedLegend },
    field(kit, form, "missedGoals.strikesBeforeEscalation", t.strikes, { ...NUM, hint: t.strikesHint }),
    field(kit, form, "missedGoals.steps", t.steps, text(5, 1000)),
    field(kit, form, "missedGoals.serviceCredits", t.optional(t.serviceCredits), text(2, 500, t.serviceCreditsHint)),
  );
  const cancellation = kit.group(
    { path: "cancellation", legend: t.cancellationLegend },
    field(kit, form, "cancellation.missedMonthsInARow", t.missedMonths, NUM),
    field(kit, form, "cancellation.terms", t.optional(t.terms), text(3, 1000)),
  );
  const review = kit.group(
    { path: "review", legend: t.reviewLegend },
    kit.select({
      path: "review.cadence",
      label: t.cadence,
      value: form.cadence,
      options: CADENCES.map((cadence) => [cadence, t.cadences[cadence]] as const),
      onChange: (value) => (form.cadence = value),
    }),
    field(kit, form, "review.clauses", t.optional(t.clauses), text(3, 1000, t.clausesHint)),
  );
  return [requirements, missed, cancellation, review];
}

// ---------------------------------------------------------------- 6. Review

function item(label: string, value: Child, id?: string): HTMLElement {
  return h("div.wz-review-item", {}, h("dt", { text: label }), h("dd", { id }, value));
}

function section(ui: StepUi, step: number, ...items: Child[]): HTMLElement {
  const title = ui.t.stepTitles[step] ?? "";
  return h(
    "section.wz-review-section",
    { attrs: { "aria-labelledby": `review-${step}` } },
    h(
      "div.wz-row-head",
      {},
      h("h3", { id: `review-${step}`, text: title }),
      button(ui.t.edit, () => ui.goTo(step), "wz-link-button", {
        "aria-label": ui.t.editSection(title),
        id: `edit-step-${step}`,
      }),
    ),
    h("dl.wz-review-list", {}, ...items),
  );
}

function list(id: string, entries: readonly Child[][]): HTMLElement {
  return h("ul.wz-plain-list", { id }, ...entries.map((entry) => h("li", {}, ...entry)));
}

export function stepReview(ui: StepUi): Child[] {
  const { t, form, lang } = ui;
  const party = (id: PartyId): string => form.partyNames[id].trim() || t.partyLabel[id];
  const or = (text: string): Child => (text.trim() === "" ? t.none : h("span.wz-prewrap", { text: text.trim() }));
  const money = (text: string): string =>
    text.trim() === "" ? t.none : `${text.trim()} ${form.currency.trim().toUpperCase()}`;
  const goal = goalPreview(form, lang);
  const tiers = tierPreview(form);
  const capacity = capacityPreview(form);
  const days = DAY_ORDER.filter((day) => form.days.includes(day))
    .map((day) => t.dayShort[day])
    .join(", ");
  const strong = (text: string): HTMLElement => h("span.wz-strong", { text });

  return [
    section(
      ui,
      0,
      item(t.kindLegend, form.kind === "internal" ? t.kindInternal : t.kindMulti),
      item(t.partiesLegend, partiesOf(form.kind).map(party).join(", ")),
      item(t.title, form.title),
      form.summary.trim() ? item(t.summary, or(form.summary)) : null,
      item(t.runsLabel, t.runs(monthName(form.startMonth, lang)?.name ?? form.startMonth, Number(form.months) || 0)),
      item(t.language, t.languageNames[form.language]),
      item(t.currency, form.currency.trim().toUpperCase()),
      item(
        t.contactsLegend,
        form.contacts.length === 0
          ? t.none
          : list(
              "review-contacts",
              form.contacts.map((contact) => [
                strong(contact.name),
                contact.role.trim() ? `, ${contact.role.trim()}` : "",
                ` (${party(contact.party)})`,
                h("br"),
                h("span.secondary", { text: contact.email }),
              ]),
            ),
      ),
    ),
    section(
      ui,
      1,
      item(t.quota, money(form.quota)),
      item(t.share, form.marketingShare),
      item(t.dealSize, money(form.avgDealSize)),
      item(t.closeRate, form.closeRate),
      item(t.paceTolerance, form.paceTolerance),
      ...(goal
        ? [
            item(t.revenueGoal, formatMoney(goal.revenue, form.currency, lang)),
            item(t.customersNeeded, formatNumber(goal.customers, lang)),
            item(t.leadsNeeded, strong(formatNumber(goal.leads, lang)), "review-leads"),
            goal.daily
              ? item(
                  t.dailyTarget(goal.daily.month, goal.daily.days),
                  t.perDay(formatNumber(goal.daily.perDay, lang, 1)),
                )
              : null,
          ]
        : []),
    ),
    section(
      ui,
      2,
      ...(form.tiers.length === 0
        ? [item(t.stepTitles[2] ?? "", t.none)]
        : form.tiers.map((tier, index) => {
            const result = tiers.tiers[index];
            const parts = [
              tier.valuePerLead.trim() ? `${t.valuePerLead}: ${money(tier.valuePerLead)}` : "",
              result ? `${t.tierLeads}: ${formatNumber(result.leads, lang)}` : "",
              tier.followUpHours.trim() ? `${t.tierSpeed}: ${tier.followUpHours.trim()}` : "",
            ];
            return item(tier.name || t.tierHeading(index + 1), parts.filter(Boolean).join(" · ") || t.none);
          })),
      tiers.valueGoal === undefined
        ? null
        : item(t.valueGoal, strong(formatMoney(tiers.valueGoal, form.currency, lang))),
      item(t.sources, form.sources || t.none),
    ),
    section(
      ui,
      3,
      item(t.speed, t.hoursValue(form.followUpHours)),
      item(t.bands, form.speedBandMinutes || t.none),
      item(t.depth, t.attemptsValue(form.followUpAttempts)),
      item(t.businessHours, form.useBusinessHours ? `${days}, ${form.start}–${form.end}` : t.allHours),
      item(t.holidaysLegend, form.holidays.filter((day) => day.trim()).join(", ") || t.none),
      item(
        t.reps,
        syncReps(form)
          .filter((name) => name.trim())
          .join(", ") || t.none,
      ),
      item(t.minutesPerAttempt, form.minutesPerAttempt),
      item(t.hoursPerRep, form.hoursPerRep),
      capacity
        ? item(
            t.load,
            h("span", {
              className: capacity.load > 1 ? "wz-warning-text" : "",
              text: formatPercent(capacity.load, lang),
            }),
          )
        : null,
    ),
    section(
      ui,
      4,
      item(
        t.requirementsLegend,
        form.requirements.length === 0
          ? t.none
          : list(
              "review-requirements",
              form.requirements.map((requirement) => [
                strong(`${party(requirement.from)} → ${party(requirement.to)}`),
                ` (${t.timesPerMonth(requirement.perMonth)})`,
                h("br"),
                requirement.text,
              ]),
            ),
      ),
      item(t.strikes, form.strikesBeforeEscalation),
      item(t.steps, or(form.steps)),
      item(t.serviceCredits, or(form.serviceCredits)),
      item(t.missedMonths, form.missedMonthsInARow),
      item(t.terms, or(form.terms)),
      item(t.cadence, t.cadences[form.cadence]),
      item(t.clauses, or(form.clauses)),
    ),
  ];
}

export const STEPS: readonly ((ui: StepUi) => Child[])[] = [
  stepAgreement,
  stepGoal,
  stepTiers,
  stepFollowUp,
  stepTerms,
  stepReview,
];
