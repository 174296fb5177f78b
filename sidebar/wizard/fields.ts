/**
 * Form controls with labels, hints and error slots, registered by config path
 * (`contacts.1.email`), so a validation problem lands next to its field and
 * focus can move to it. Every input has a `<label for>`.
 */
import type { ConfigProblem } from "../../src/config/validate";
import { type Child, fieldId, h } from "./dom";

export interface ControlOptions {
  readonly path: string;
  readonly label: string;
  readonly hint?: string;
  readonly className?: string;
}

export interface InputOptions extends ControlOptions {
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly type?: "text" | "email" | "month" | "date" | "time";
  readonly inputMode?: "text" | "decimal" | "numeric" | "email";
  readonly multiline?: boolean;
  readonly rows?: number;
  readonly autocomplete?: string;
  readonly placeholder?: string;
  readonly maxLength?: number;
}

export interface SelectOptions<V extends string> extends ControlOptions {
  readonly value: V;
  readonly options: readonly (readonly [V, string])[];
  readonly onChange: (value: V) => void;
}

interface Slot {
  readonly group: HTMLElement;
  readonly error: HTMLElement;
  readonly control: HTMLElement | undefined;
}

/** "is required" → "Is required": a message shown on its own under its field. */
export function sentence(problem: ConfigProblem): string {
  const got = problem.text.startsWith(`${problem.field} ${problem.message}`)
    ? problem.text.slice(problem.field.length + 1 + problem.message.length)
    : "";
  const message = problem.message.charAt(0).toUpperCase() + problem.message.slice(1);
  return `${message}${got}`;
}

export class FieldKit {
  /** Elements to focus for a path: the input itself, or a group's first control. */
  private readonly targets = new Map<string, HTMLElement>();
  private readonly slots = new Map<string, Slot>();

  constructor(private readonly onEdit: (path: string) => void) {}

  /** Wraps a control in its form group: label, control, hint, error slot; registers it under its path. */
  private wrap(
    options: ControlOptions,
    control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement,
    value: string,
  ): HTMLElement {
    const id = control.id;
    const hint = options.hint ? h("p.wz-hint", { id: `${id}-hint`, text: options.hint }) : null;
    const error = h("p.wz-error.error", { id: `${id}-error`, attrs: { hidden: true } });
    control.value = value;
    control.setAttribute("aria-describedby", `${hint ? `${id}-hint ` : ""}${id}-error`);
    const group = h(
      "div.form-group.wz-field",
      { className: options.className },
      h("label", { attrs: { for: id }, text: options.label }),
      control,
      hint,
      error,
    );
    this.slots.set(options.path, { group, error, control });
    this.targets.set(options.path, control);
    return group;
  }

  input(options: InputOptions): HTMLElement {
    const props = {
      id: fieldId(options.path),
      attrs: {
        name: options.path,
        autocomplete: options.autocomplete ?? "off",
        inputmode: options.inputMode,
        placeholder: options.placeholder,
        maxlength: options.maxLength,
        spellcheck: options.type === "email" ? "false" : undefined,
        rows: options.multiline ? (options.rows ?? 3) : undefined,
        type: options.multiline ? undefined : (options.type ?? "text"),
      },
      on: {
        input: (event: Event) => {
          options.onInput((event.target as HTMLInputElement).value);
          this.onEdit(options.path);
        },
      },
    };
    return this.wrap(
      options,
      options.multiline ? h("textarea.wz-control", props) : h("input.wz-control", props),
      options.value,
    );
  }

  select<V extends string>(options: SelectOptions<V>): HTMLElement {
    const control = h(
      "select.wz-control",
      {
        id: fieldId(options.path),
        attrs: { name: options.path },
        on: {
          change: (event) => {
            options.onChange((event.target as HTMLSelectElement).value as V);
            this.onEdit(options.path);
          },
        },
      },
      ...options.options.map(([value, label]) => h("option", { attrs: { value }, text: label })),
    );
    return this.wrap(options, control, options.value);
  }

  /** A checkbox or radio with its label to the right. `path` only registers it as an error target. */
  choice(options: {
    readonly id: string;
    readonly type: "checkbox" | "radio";
    readonly name?: string;
    readonly label: string;
    readonly hint?: string;
    readonly checked: boolean;
    readonly onChange: (checked: boolean) => void;
    readonly className?: string;
    readonly attrs?: Record<string, string>;
  }): HTMLElement {
    const hintId = options.hint ? `${options.id}-hint` : undefined;
    const control = h("input", {
      id: options.id,
      attrs: { type: options.type, name: options.name, "aria-describedby": hintId, ...options.attrs },
      on: { change: (event) => options.onChange((event.target as HTMLInputElement).checked) },
    });
    control.checked = options.checked;
    return h(
      "div.wz-choice",
      { className: options.className },
      control,
      h(
        "label",
        { attrs: { for: options.id } },
        h("span.wz-choice-label", { text: options.label }),
        hintId ? h("span.wz-hint", { id: hintId, text: options.hint }) : null,
      ),
    );
  }

  /**
   * A fieldset with a legend; with a path it is the error target for problems
   * about the whole group (e.g. "needs at least one entry").
   */
  group(
    options: {
      readonly path?: string;
      readonly legend: string;
      readonly hint?: string;
      readonly className?: string;
      readonly legendClass?: string;
    },
    ...children: Child[]
  ): HTMLFieldSetElement {
    const id = options.path ? fieldId(options.path) : undefined;
    const error = h("p.wz-error.error", { id: id ? `${id}-error` : undefined, attrs: { hidden: true } });
    const hintId = id && options.hint ? `${id}-hint` : undefined;
    const fieldset = h(
      "fieldset.wz-group",
      {
        className: options.className,
        id: id ? `${id}-group` : undefined,
        attrs: { "aria-describedby": id ? `${hintId ? `${hintId} ` : ""}${id}-error` : undefined },
      },
      h("legend", { className: options.legendClass, text: options.legend }),
      options.hint ? h("p.wz-hint", { id: hintId, text: options.hint }) : null,
      error,
      ...children,
    );
    if (options.path) this.slots.set(options.path, { group: fieldset, error, control: undefined });
    return fieldset;
  }

  /** Makes an element the focus target of a path without an error slot of its own (e.g. the checked radio). */
  target(path: string, element: HTMLElement): void {
    this.targets.set(path, element);
  }

  /** The registered path a problem belongs to: itself, or its nearest registered parent. */
  private placeOf(path: string): string | undefined {
    const parts = path.split(".");
    for (let length = parts.length; length > 0; length -= 1) {
      const candidate = parts.slice(0, length).join(".");
      if (this.slots.has(candidate) || this.targets.has(candidate)) return candidate;
    }
    return undefined;
  }

  /**
   * Shows each problem in its slot (and marks its control invalid); answers the
   * problems that have no place on this step.
   */
  applyErrors(problems: readonly ConfigProblem[]): ConfigProblem[] {
    for (const slot of this.slots.values()) {
      slot.error.hidden = true;
      slot.error.textContent = "";
      slot.group.classList.remove("wz-invalid");
      slot.control?.removeAttribute("aria-invalid");
    }
    for (const target of this.targets.values()) target.removeAttribute("aria-invalid");
    const unplaced: ConfigProblem[] = [];
    for (const problem of problems) {
      const place = this.placeOf(problem.path);
      const slot = place === undefined ? undefined : this.slots.get(place);
      if (place === undefined) {
        unplaced.push(problem);
        continue;
      }
      this.targets.get(place)?.setAttribute("aria-invalid", "true");
      if (!slot) {
        unplaced.push(problem);
        continue;
      }
      // Under its own field the message needs no field name; under a group it does.
      const text = place === problem.path && slot.control ? sentence(problem) : problem.text;
      slot.error.textContent = slot.error.textContent ? `${slot.error.textContent} ${text}` : text;
      slot.error.hidden = false;
      slot.group.classList.add("wz-invalid");
      slot.control?.setAttribute("aria-invalid", "true");
    }
    return unplaced;
  }

  /** The element to focus for a problem's path, if it is on this step. */
  focusTarget(path: string): HTMLElement | undefined {
    const place = this.placeOf(path);
    if (place === undefined) return undefined;
    const target = this.targets.get(place);
    if (target) return target;
    const group = this.slots.get(place)?.group;
    return (
      group?.querySelector<HTMLElement>(
        "input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])",
      ) ?? undefined
    );
  }
}
