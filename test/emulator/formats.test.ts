/** The number-format renderer behind getDisplayValues and TEXT(), against what Sheets shows. */
import { describe, expect, it } from "@jest/globals";
import { AUTOMATIC_FORMAT, formatValue, isDateTimeFormat } from "../../playground/emulator/formats";
import { workbook } from "./helpers";

const en = (value: number | string | boolean, pattern?: string) => formatValue(value, pattern, "en_US");
const de = (value: number | string | boolean, pattern?: string) => formatValue(value, pattern, "de_DE");

// 2026-12-01 14:30 as a serial.
const DEC_1_1430 = 46357 + 14.5 / 24;

describe("numbers", () => {
  it.each([
    [1234.5, "0", "1235"],
    [2.5, "0", "3"],
    [-2.5, "0", "-3"],
    [3.14258, "0.0", "3.1"],
    [3, "0.00", "3.00"],
    [1.005, "0.00", "1.01"],
    [1234567.891, "#,##0", "1,234,568"],
    [1234.5, "#,##0.00", "1,234.50"],
    [0.5, "#,##0.0", "0.5"],
    [0.5, "0%", "50%"],
    [0.1234, "0.0%", "12.3%"],
    [-0.25, "0%", "-25%"],
    [1500, '"€"#,##0', "€1,500"],
    [1500, '#,##0 "€"', "1,500 €"],
    [1500.5, "[$€]#,##0.00", "€1,500.50"],
    [1500, "[$$-409]#,##0", "$1,500"],
    [-1500, '"$"#,##0;("$"#,##0)', "($1,500)"],
    [0, '0;-0;"zero"', "zero"],
    [-0.001, "0.00", "0.00"],
    [1234000, "#,##0,", "1,234"],
  ])("%p with %p shows %p", (value, pattern, shown) => {
    expect(en(value, pattern)).toBe(shown);
  });

  it("automatic format: integers as they are, fractions to 10 significant digits", () => {
    expect(en(42)).toBe("42");
    expect(en(1 / 3)).toBe("0.3333333333");
    expect(en(0.1 + 0.2)).toBe("0.3");
    expect(en(1234.5, AUTOMATIC_FORMAT)).toBe("1234.5");
    expect(en(7, "General")).toBe("7");
  });

  it("German locale: comma decimals and dot grouping", () => {
    expect(de(1234.5, "#,##0.00")).toBe("1.234,50");
    expect(de(1234.5, '#,##0 "€"')).toBe("1.235 €");
    expect(de(0.125, "0.0%")).toBe("12,5%");
    expect(de(2.5)).toBe("2,5");
  });
});

describe("dates and times", () => {
  it.each([
    ["yyyy-mm-dd", "2026-12-01"],
    ["dd.mm.yyyy", "01.12.2026"],
    ["yyyy-mm", "2026-12"],
    ["hh:mm", "14:30"],
    ["yyyy-mm-dd hh:mm", "2026-12-01 14:30"],
    ["mmm yyyy", "Dec 2026"],
    ["mmmm yyyy", "December 2026"],
    ["M/d/yyyy H:mm:ss", "12/1/2026 14:30:00"],
    ["h:mm AM/PM", "2:30 PM"],
    ["ddd d mmm", "Tue 1 Dec"],
    ["dddd", "Tuesday"],
  ])("%p shows %p", (pattern, shown) => {
    expect(en(DEC_1_1430, pattern)).toBe(shown);
  });

  it("month names follow the locale", () => {
    expect(de(DEC_1_1430, "mmmm yyyy")).toBe("Dezember 2026");
    // Short names come from the platform's locale data (ICU), like "Mär" for March.
    expect(de(46082, "mmm yyyy")).toMatch(/^Mär\.? 2026$/);
  });

  it("elapsed hours pass 24", () => {
    expect(en(1.5, "[h]:mm")).toBe("36:00");
    expect(en(1.5, "hh:mm")).toBe("12:00");
  });

  it("seconds are rounded, not cut", () => {
    expect(en(46357 + 59.9996 / 86_400, "hh:mm:ss")).toBe("00:01:00");
  });

  it("tells date formats from number formats", () => {
    for (const p of ["yyyy-mm-dd", "dd.mm.yyyy", "hh:mm", "mmm yyyy", "[h]:mm", "M/d/yyyy H:mm:ss"])
      expect(isDateTimeFormat(p)).toBe(true);
    for (const p of ["0", "0.0%", "#,##0.00", '#,##0 "Tage"', "[$€]#,##0", "@", AUTOMATIC_FORMAT, undefined])
      expect(isDateTimeFormat(p)).toBe(false);
  });
});

describe("text and other values", () => {
  it("text shows as is, also under a number format; @ keeps it", () => {
    expect(en("Lead", "0.00")).toBe("Lead");
    expect(en("Lead", "@")).toBe("Lead");
    expect(en(12, "@")).toBe("12");
    expect(en("x", '0;-0;0;"text: "@')).toBe("text: x");
  });

  it("booleans show as TRUE and FALSE", () => {
    expect(en(true, "0.00")).toBe("TRUE");
    expect(en(false)).toBe("FALSE");
  });
});

describe("getDisplayValues", () => {
  it("formats each cell with its own number format", () => {
    const { sheet } = workbook();
    sheet.getRange("A1:F1").setValues([[0.5, 1234.5, 46357, "text", true, "=1/0"]]);
    sheet.getRange("A1:D1").setNumberFormats([["0.0%", "#,##0.00 [$€]", "mmmm yyyy", "0.00"]]);
    expect(sheet.getRange("A1:G1").getDisplayValues()).toEqual([
      ["50.0%", "1,234.50 €", "December 2026", "text", "TRUE", "#DIV/0!", ""],
    ]);
  });

  it("a German spreadsheet renders the same patterns the German way", () => {
    const { sheet } = workbook({ locale: "de_DE" });
    sheet.getRange("A1:C1").setValues([[1234.5, 0.125, 46357]]);
    sheet.getRange("A1:C1").setNumberFormats([['#,##0 "€"', "0.0%", "dd.mm.yyyy"]]);
    expect(sheet.getRange("A1:C1").getDisplayValues()).toEqual([["1.235 €", "12,5%", "01.12.2026"]]);
  });
});
