/** Colors as Apps Script reports them back: lowercase "#rrggbb" (setBackground("red") reads back "#ff0000"). */

const NAMED: Record<string, string> = {
  black: "#000000",
  white: "#ffffff",
  red: "#ff0000",
  green: "#008000",
  lime: "#00ff00",
  blue: "#0000ff",
  yellow: "#ffff00",
  orange: "#ffa500",
  gray: "#808080",
  grey: "#808080",
  silver: "#c0c0c0",
  purple: "#800080",
  navy: "#000080",
  teal: "#008080",
  maroon: "#800000",
  olive: "#808000",
  cyan: "#00ffff",
  magenta: "#ff00ff",
};

export const DEFAULT_BACKGROUND = "#ffffff";
export const DEFAULT_FONT_COLOR = "#000000";

/** undefined means "reset to the default" (Apps Script takes null for that). */
export function normalizeColor(color: unknown): string | undefined {
  if (color === null || color === undefined || color === "") return undefined;
  if (typeof color !== "string") throw new Error(`Invalid color: ${String(color)}`);
  const text = color.trim().toLowerCase();
  const named = NAMED[text];
  if (named) return named;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (/^#[0-9a-f]{6}$/.test(text)) return text;
  throw new Error(`Invalid color: ${color}`);
}
