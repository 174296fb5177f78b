/**
 * Small DOM helpers. Text always goes in as text nodes or `textContent`;
 * there is no way to pass HTML through here (design decision 8).
 */
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  className?: string;
  id?: string;
  /** Attributes set with setAttribute; `false`/`undefined` leave the attribute out, `true` sets it empty. */
  attrs?: Record<string, string | number | boolean | undefined>;
  text?: string;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

/**
 * Creates an element: `h("div.wz-card.wz-open", { attrs, text, on }, ...children)`.
 * Classes can follow the tag name after dots, or come as `className`.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K | `${K}.${string}`,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const [name, ...classes] = tag.split(".");
  const element = document.createElement(name as K);
  const className = [...classes, props.className ?? ""].join(" ").trim();
  if (className) element.className = className;
  if (props.id) element.id = props.id;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  if (props.text !== undefined) element.textContent = props.text;
  for (const [type, handler] of Object.entries(props.on ?? {})) {
    element.addEventListener(type, handler as EventListener);
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child,
    );
  }
}

export function clear(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}

/** A button that is a real `<button type="button">`. */
export function button(
  label: string,
  onClick: () => void,
  className = "",
  attrs: Props["attrs"] = {},
): HTMLButtonElement {
  return h("button", { className, attrs: { type: "button", ...attrs }, text: label, on: { click: () => onClick() } });
}

/** `contacts.0.email` → `f-contacts-0-email`: the id of the input of a config path. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, "-")}`;
}
