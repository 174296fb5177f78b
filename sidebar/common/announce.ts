/**
 * The live region every surface speaks through: screen readers read out what
 * `announce` puts there, politely and as a whole.
 */
import { h } from "../wizard/dom";

export class LiveRegion {
  /** The element to append to the page; visually hidden by the `wz-sr-only` class. */
  readonly element: HTMLElement;
  private timer: number | undefined;

  constructor(id: string) {
    this.element = h("div", {
      id,
      className: "wz-sr-only",
      attrs: { "aria-live": "polite", "aria-atomic": "true" },
    });
  }

  /** Says `message`. The region is emptied first, so the same message twice is announced twice. */
  announce(message: string): void {
    if (this.timer !== undefined) window.clearTimeout(this.timer);
    this.element.textContent = "";
    this.timer = window.setTimeout(() => {
      this.element.textContent = message;
      this.timer = undefined;
    }, 50);
  }
}
