/** RangeList: one call applying the same change to scattered ranges (one round trip in Sheets). */
import type { TextStyleFacade } from "./builders";
import type { RangeFacade } from "./range";

export class RangeListFacade {
  static readonly gasName = "RangeList";

  constructor(readonly _ranges: RangeFacade[]) {}

  getRanges(): RangeFacade[] {
    return [...this._ranges];
  }

  private _each(fn: (range: RangeFacade) => void): this {
    for (const r of this._ranges) fn(r);
    return this;
  }

  setBackground(color: string | null): this {
    return this._each((r) => r.setBackground(color));
  }

  setFontWeight(weight: string | null): this {
    return this._each((r) => r.setFontWeight(weight));
  }

  setFontColor(color: string | null): this {
    return this._each((r) => r.setFontColor(color));
  }

  setFontStyle(style: string | null): this {
    return this._each((r) => r.setFontStyle(style));
  }

  setFontSize(size: number): this {
    return this._each((r) => r.setFontSize(size));
  }

  setNumberFormat(format: string): this {
    return this._each((r) => r.setNumberFormat(format));
  }

  setWrap(wrap: boolean): this {
    return this._each((r) => r.setWrap(wrap));
  }

  setWrapStrategy(strategy: string): this {
    return this._each((r) => r.setWrapStrategy(strategy));
  }

  setHorizontalAlignment(alignment: string | null): this {
    return this._each((r) => r.setHorizontalAlignment(alignment));
  }

  setVerticalAlignment(alignment: string | null): this {
    return this._each((r) => r.setVerticalAlignment(alignment));
  }

  setTextStyle(style: TextStyleFacade): this {
    return this._each((r) => r.setTextStyle(style));
  }

  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: string | null,
  ): this {
    return this._each((r) => r.setBorder(top, left, bottom, right, vertical, horizontal, color, style));
  }

  setValue(value: unknown): this {
    return this._each((r) => r.setValue(value));
  }

  setFormula(formula: string): this {
    return this._each((r) => r.setFormula(formula));
  }

  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }): this {
    return this._each((r) => r.clear(options));
  }

  clearContent(): this {
    return this._each((r) => r.clearContent());
  }

  clearFormat(): this {
    return this._each((r) => r.clearFormat());
  }

  insertCheckboxes(): this {
    return this._each((r) => r.insertCheckboxes());
  }
}
