/**
 * Formula evaluation, one block per function family. Every expected value is
 * what Google Sheets gives for the same formula on the same data; where
 * HyperFormula as shipped differs, the comment says so and the emulator's fix
 * (playground/emulator/hyperformulaSetup.ts) is what makes the test pass.
 */
import { beforeEach, describe, expect, it } from "@jest/globals";
import { berlin, evaluate, workbook, type Workbook } from "./helpers";

let wb: Workbook;
let sheet: GoogleAppsScript.Spreadsheet.Sheet;

const DATA = [
  ["Owner", "Stage", "Amount", "Date"],
  ["Ana", "won", 100, "2026-01-05"],
  ["Ben", "lost", 50, "2026-01-20"],
  ["Ana", "won", 300, "2026-02-03"],
  ["Cy", "open", "", "2026-02-15"],
  ["Ben", "won", 200, "2026-02-28"],
  ["Ana", "lost", "n/a", "2026-03-01"],
];

beforeEach(() => {
  wb = workbook();
  sheet = wb.sheet;
  sheet.getRange(1, 1, DATA.length, 4).setValues(DATA);
});

const value = (formula: string, cell?: string) => evaluate(sheet, formula, cell);

describe("conditional aggregation", () => {
  it("COUNTIFS and COUNTIF", () => {
    expect(value('=COUNTIFS(B2:B7,"won")')).toBe(3);
    expect(value('=COUNTIFS(A2:A7,"Ana",B2:B7,"won")')).toBe(2);
    expect(value('=COUNTIFS(C2:C7,">100")')).toBe(2);
    expect(value('=COUNTIF(A2:A7,"A*")')).toBe(3);
    expect(value('=COUNTIF(C2:C7,">=100")')).toBe(3);
    expect(value('=COUNTIF(C2:C7,"")')).toBe(1);
    expect(value('=COUNTIFS(B2:B7,"<>won")')).toBe(3);
  });

  it("SUMIFS with a date criterion", () => {
    expect(value('=SUMIFS(C2:C7,B2:B7,"won")')).toBe(600);
    expect(value('=SUMIFS(C2:C7,A2:A7,"Ana",D2:D7,">="&DATE(2026,2,1))')).toBe(300);
  });

  it("AVERAGEIFS exists (HyperFormula: #NAME?) and behaves as in Sheets", () => {
    expect(value('=AVERAGEIFS(C2:C7,B2:B7,"won")')).toBe(200);
    // Text ("n/a") and empty cells in the average range are skipped.
    expect(value('=AVERAGEIFS(C2:C7,A2:A7,"Ana")')).toBe(200);
    expect(value('=AVERAGEIFS(C2:C7,A2:A7,"Ana",B2:B7,"won",D2:D7,"<"&DATE(2026,2,1))')).toBe(100);
    expect(value('=AVERAGEIFS(C2:C7,B2:B7,"none")')).toBe("#DIV/0!");
    expect(value('=AVERAGEIFS(C2:C7,B2:B6,"won")')).toBe("#VALUE!");
  });

  it("MAXIFS and MINIFS (0 when nothing matches)", () => {
    expect(value('=MAXIFS(C2:C7,B2:B7,"won")')).toBe(300);
    expect(value('=MINIFS(C2:C7,B2:B7,"won")')).toBe(100);
    expect(value('=MAXIFS(C2:C7,B2:B7,"none")')).toBe(0);
  });
});

describe("FILTER, statistics and SUMPRODUCT", () => {
  it("FILTER inside aggregates, with several conditions, and with no match", () => {
    expect(value('=SUM(FILTER(C2:C7,B2:B7="won"))')).toBe(600);
    expect(value('=ROWS(FILTER(A2:A7,B2:B7="won",C2:C7>150))')).toBe(2);
    expect(value('=AVERAGE(FILTER(C2:C7,A2:A7="Ana",ISNUMBER(C2:C7)))')).toBe(200);
    expect(value('=FILTER(A2:A7,B2:B7="nobody")')).toBe("#N/A");
    expect(value('=IFERROR(AVERAGE(FILTER(C2:C7,B2:B7="nobody")),"")')).toBe("");
  });

  it("FILTER spills down", () => {
    sheet.getRange("F1").setFormula('=FILTER(A2:A7,B2:B7="lost")');
    expect(sheet.getRange("F1:F3").getValues()).toEqual([["Ben"], ["Ana"], [""]]);
    expect(sheet.getRange("F1:F2").getFormulas()).toEqual([['=FILTER(A2:A7,B2:B7="lost")'], [""]]);
  });

  it("MEDIAN and PERCENTILE skip text and blanks", () => {
    expect(value("=MEDIAN(C2:C7)")).toBe(150);
    expect(value("=PERCENTILE(C2:C7,9/10)")).toBeCloseTo(270, 10);
  });

  it("SUMPRODUCT with boolean arrays", () => {
    expect(value('=SUMPRODUCT((B2:B7="won")*(A2:A7="Ana"))')).toBe(2);
    expect(value('=SUMPRODUCT((B2:B6="won")*C2:C6)')).toBe(600);
  });

  it("MAX and MIN ignore text", () => {
    expect(value("=MAX(C2:C7)")).toBe(300);
    expect(value("=MIN(C2:C7)")).toBe(50);
  });
});

describe("dates", () => {
  it("DATE, DAY, MONTH, YEAR, EOMONTH, DATEVALUE", () => {
    expect(value("=DAY(EOMONTH(DATE(2026,2,10),0))")).toBe(28);
    expect(value("=MONTH(DATE(2026,13,1))")).toBe(1);
    expect(value("=YEAR(DATE(2026,13,1))")).toBe(2027);
    expect(value("=DAY(D3)")).toBe(20);
    // HyperFormula parses only DD/MM/YYYY date text by default; Sheets reads ISO dates.
    expect(value('=DATEVALUE("2026-12-01")')).toBe(46357);
  });

  it("a formula returning a date reads back as a Date, as in Sheets", () => {
    expect(value("=DATE(2026,12,1)")).toEqual(berlin(2026, 12, 1));
    expect(value("=EOMONTH(DATE(2026,2,10),0)")).toEqual(berlin(2026, 2, 28));
    expect(sheet.getRange("Z1").getDisplayValue()).toBe("2/28/2026");
    // An explicit number format wins.
    sheet.getRange("Z2").setNumberFormat("0").setFormula("=DATE(2026,12,1)");
    expect(sheet.getRange("Z2").getValue()).toBe(46357);
  });

  it("NETWORKDAYS.INTL with a 7-character weekend mask", () => {
    expect(value('=NETWORKDAYS.INTL(DATE(2026,1,1),DATE(2026,1,31),"0000011")')).toBe(22);
    expect(value('=NETWORKDAYS.INTL(DATE(2026,1,1),DATE(2026,1,31),"0000011",DATE(2026,1,6))')).toBe(21);
    expect(value('=NETWORKDAYS.INTL(DATE(2026,1,1),DATE(2026,1,31),"0000110")')).toBe(21);
  });

  it("TODAY() and NOW() follow the emulator's clock", () => {
    expect(value("=TODAY()")).toEqual(berlin(2026, 12, 1));
    expect(value("=TODAY()-DATE(2026,11,1)")).toBe(30);
    const later = workbook({ today: "2026-12-01T14:30" });
    expect(evaluate(later.sheet, "=HOUR(NOW())*100+MINUTE(NOW())")).toBe(1430);
    expect(evaluate(later.sheet, "=NOW()")).toEqual(berlin(2026, 12, 1, 14, 30));
    expect(evaluate(later.sheet, "=TODAY()")).toEqual(berlin(2026, 12, 1));
  });

  it("TODAY() without a fixed date is the real date in the spreadsheet's zone", () => {
    const real = workbook({ today: undefined, timeZone: "Pacific/Kiritimati" });
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Kiritimati" }).format(new Date());
    expect(evaluate(real.sheet, '=TEXT(TODAY(),"yyyy-mm-dd")')).toBe(today);
  });
});

describe("logic and errors", () => {
  it("IF, IFS, IFERROR, AND, OR", () => {
    expect(value('=IF(C2>50,"yes","no")')).toBe("yes");
    expect(value("=IF(FALSE,1)")).toBe(false);
    expect(value('=IFS(C2>100,"big",TRUE,"small")')).toBe("small");
    expect(value("=IFS(FALSE,1)")).toBe("#N/A");
    expect(value('=IFERROR(1/0,"x")')).toBe("x");
    expect(value('=IFERROR(5,"x")')).toBe(5);
    expect(value("=AND(TRUE,C2>50)")).toBe(true);
    expect(value("=OR(FALSE,C3>50)")).toBe(false);
  });

  it("TRUE and FALSE work as literals (HyperFormula: #NAME?)", () => {
    expect(value("=TRUE")).toBe(true);
    expect(value("=NOT(FALSE)")).toBe(true);
    sheet.getRange("E2:E3").setValues([[true], [false]]);
    expect(value("=COUNTIF(E2:E3,TRUE)")).toBe(1);
    expect(value("=E3=FALSE")).toBe(true);
    expect(value("=SUMPRODUCT((E2:E3=TRUE)*1)")).toBe(1);
  });

  it('ISBLANK: a cell written as "" is empty (HyperFormula kept an empty string)', () => {
    sheet.getRange("E1:E2").setValues([["x"], ["y"]]);
    sheet.getRange("E1:E2").setValues([[""], ["z"]]);
    expect(value("=ISBLANK(E1)")).toBe(true);
    expect(value("=ISBLANK(C5)")).toBe(true);
    expect(value("=COUNTA(E1:E2)")).toBe(1);
    expect(value('=COUNTIFS(E1:E2,"")')).toBe(1);
  });

  it("errors read back as Sheets' error text", () => {
    expect(value("=1/0")).toBe("#DIV/0!");
    expect(value("=NA()")).toBe("#N/A");
    expect(value("=NOSUCHFUNCTION(1)")).toBe("#NAME?");
    expect(value("=Missing!A1")).toBe("#REF!");
    expect(value('="a"+1')).toBe("#VALUE!");
    expect(value("=SUM(1,")).toBe("#ERROR!");
    // HyperFormula's own #CYCLE! and #SPILL! are #REF! in Sheets.
    expect(value("=Z1+1")).toBe("#REF!");
    sheet.getRange("G2").setValue("blocker");
    sheet.getRange("G1").setFormula("=SEQUENCE(3)");
    expect(sheet.getRange("G1").getValue()).toBe("#REF!");
    expect(sheet.getRange("G1").getDisplayValue()).toBe("#REF!");
  });
});

describe("math and rounding", () => {
  it("MOD takes the divisor's sign", () => {
    expect(value("=MOD(-3,2)")).toBe(1);
    expect(value("=MOD(7,3)")).toBe(1);
  });

  it("ROUND rounds half away from zero on decimal digits (HyperFormula: ROUND(1.005,2) = 1)", () => {
    expect(value("=ROUND(2.5)")).toBe(3);
    expect(value("=ROUND(-2.5)")).toBe(-3);
    expect(value("=ROUND(1.005,2)")).toBe(1.01);
    expect(value("=ROUND(1234.5678,-2)")).toBe(1200);
    expect(value("=ROUND(C4/7,2)")).toBe(42.86);
  });

  it("ROUNDUP and ROUNDDOWN work on what is shown (HyperFormula: ROUNDUP(0.1*3,1) = 0.4)", () => {
    expect(value("=ROUNDUP(0.1*3,1)")).toBe(0.3);
    expect(value("=ROUNDUP(1.21,1)")).toBe(1.3);
    expect(value("=ROUNDUP(-1.21,1)")).toBe(-1.3);
    expect(value("=ROUNDUP(C4/7)")).toBe(43);
    expect(value("=ROUNDDOWN(0.3/0.1,0)")).toBe(3);
  });

  it("CEILING and FLOOR take an optional factor (HyperFormula: required; CEILING(0.1*3,0.1) = 0.4)", () => {
    expect(value("=CEILING(2.3)")).toBe(3);
    expect(value("=CEILING(2.3,0.5)")).toBe(2.5);
    expect(value("=CEILING(0.1*3,0.1)")).toBe(0.3);
    expect(value("=CEILING(-2.3,1)")).toBe(-2);
    expect(value("=CEILING(2.3,-1)")).toBe("#NUM!");
    expect(value("=FLOOR(2.7)")).toBe(2);
  });

  it("keeps about 15 significant digits (HyperFormula's default cut =1/3 to 10)", () => {
    expect(value("=1/3")).toBeCloseTo(1 / 3, 14);
  });
});

describe("lookup", () => {
  it("VLOOKUP with FALSE, INDEX and MATCH", () => {
    expect(value('=VLOOKUP("Ben",A2:C7,3,FALSE)')).toBe(50);
    expect(value('=VLOOKUP("Zed",A2:C7,3,FALSE)')).toBe("#N/A");
    expect(value("=INDEX(A2:C7,3,3)")).toBe(300);
    expect(value('=MATCH("Cy",A2:A7,0)')).toBe(4);
    expect(value('=DAY(INDEX(D2:D7,MATCH("Cy",A2:A7,0)))')).toBe(15);
  });

  it("XLOOKUP with and without a fallback", () => {
    expect(value('=XLOOKUP("Ben",A2:A7,C2:C7)')).toBe(50);
    expect(value('=XLOOKUP("Zed",A2:A7,C2:C7,"none")')).toBe("none");
    expect(value('=XLOOKUP("Zed",A2:A7,C2:C7)')).toBe("#N/A");
  });

  it("a lookup landing on an empty cell is empty, not 0 (HyperFormula copies Excel's 0)", () => {
    expect(value('=VLOOKUP("Cy",A2:C7,3,FALSE)')).toBe("");
    expect(value('=XLOOKUP("Cy",A2:A7,C2:C7,"none")')).toBe("");
    expect(value('=VLOOKUP("Cy",A2:C7,3,FALSE)=""')).toBe(true);
  });
});

describe("arrays", () => {
  it("SEQUENCE", () => {
    expect(value("=SUM(SEQUENCE(5))")).toBe(15);
    sheet.getRange("H1").setFormula("=SEQUENCE(3,1,10,5)");
    expect(sheet.getRange("H1:H3").getValues()).toEqual([[10], [15], [20]]);
  });

  it("ARRAYFORMULA", () => {
    sheet.getRange("I2").setFormula("=ARRAYFORMULA(C2:C4*2)");
    expect(sheet.getRange("I2:I4").getValues()).toEqual([[200], [100], [600]]);
    expect(value("=ARRAYFORMULA(SUM(C2:C4*2))")).toBe(900);
  });

  it("a scalar function given arrays inside ARRAYFORMULA works cell by cell, broadcasting a row and a column, errors staying in their cell", () => {
    // The emulator runs these calls through its own loop (fastRunFunction): same cells, same values as HyperFormula's.
    sheet.getRange("I1").setFormula("=ARRAYFORMULA(IF(SEQUENCE(3)=2,SEQUENCE(1,2)*10,-SEQUENCE(3)))");
    expect(sheet.getRange("I1:J3").getValues()).toEqual([
      [-1, -1],
      [10, 20],
      [-3, -3],
    ]);
    sheet.getRange("L1").setFormula('=ARRAYFORMULA(IFERROR(INT(C2:C7)*1,"x"))');
    expect(sheet.getRange("L1:L6").getValues().flat()).toEqual([100, 50, 300, 0, 200, "x"]);
    sheet.getRange("M1").setFormula("=ARRAYFORMULA(ISNUMBER(C2:C7))");
    expect(sheet.getRange("M1:M6").getValues().flat()).toEqual([true, true, true, false, true, false]);
  });

  it("ARRAYFORMULA results survive a full recalculation and a locale change (HyperFormula: #SPILL! over stale copies)", () => {
    sheet.getRange("I2").setFormula("=ARRAYFORMULA(C2:C4*2)");
    expect(sheet.getRange("I2:I4").getValues()).toEqual([[200], [100], [600]]);
    wb.emulator.hyperformula.rebuildAndRecalculate();
    wb.ss.setSpreadsheetLocale("de_DE");
    sheet.getRange("C3").setValue(70);
    expect(sheet.getRange("I2:I4").getValues()).toEqual([[200], [140], [600]]);
    expect(sheet.getRange("I3").getFormula()).toBe("");
  });

  it("a column compared with a row broadcasts to a table, as MMULT row sums need", () => {
    sheet.getRange("K1:K4").setValues([[1], [3], ['=IF(TRUE,"","")'], [""]]);
    sheet.getRange("J2").setFormula("=ARRAYFORMULA(MMULT((C2:C4>=TRANSPOSE(K1:K4))*1,SEQUENCE(ROWS(K1:K4),1,1,0)))");
    // C2:C4 is 100, 50, 300: each at least 1 and 3; text (a formula's "") is above every
    // number and never counts; an empty cell compares as 0 and always does.
    expect(sheet.getRange("J2:J4").getValues()).toEqual([[3], [3], [3]]);
    expect(value("=ARRAYFORMULA(SUM((5>=TRANSPOSE(K1:K3))*1))")).toBe(2);
    expect(value("=ARRAYFORMULA(SUM((C2:C4>TRANSPOSE(C2:C4))*1))")).toBe(3);
  });

  it("open-ended ranges like A2:A (HyperFormula: parse error) reach the sheet's last row", () => {
    expect(value("=COUNTA(A2:A)")).toBe(6);
    expect(value('=SUMIFS(C2:C,B2:B,"won")')).toBe(600);
    expect(sheet.getRange("Z1").getFormula()).toBe('=SUMIFS(C2:C,B2:B,"won")');
    sheet.getRange("A1000").setValue("last row");
    expect(value("=COUNTA(A2:A)")).toBe(7);
    // Rows added at the end still count, as the range is open in Sheets.
    sheet.insertRowsAfter(1000, 10);
    sheet.getRange("A1010").setValue("new last row");
    expect(sheet.getRange("Z1").getValue()).toBe(8);
    expect(sheet.getRange("Z1").getFormula()).toBe("=COUNTA(A2:A)");
  });
});

describe('comparisons never read text as a number or date (HyperFormula: ="2026-12-01"=DATE(2026,12,1) is TRUE)', () => {
  it.each([
    ['="2026-12-01"=DATE(2026,12,1)', false],
    ['="1"=1', false],
    ['="b">5', true],
    ['=5<"4"', true],
    ['="a"="A"', true],
    ['="12/1/2026"<"2/1/2026"', true],
    ['=TRUE>"a"', true],
    ['=D2=""', false],
    ['=Y5=""', true],
    ['=Y5<"a"', true],
    ["=Y5=0", true],
  ])("%s is %s", (formula, expected) => {
    expect(value(formula)).toBe(expected);
  });

  it("element-wise over a column, as the reports' group matrices need", () => {
    // A2:A7 are owners; "ana" matches Ana whatever the case; "" matches no owner here.
    sheet
      .getRange("J1")
      .setFormula(
        '=ARRAYFORMULA(MMULT((VSTACK("ana","Ben","Cy","")=TRANSPOSE(A2:A7))*1,HSTACK(ISNUMBER(C2:C7)*1,IF(ISNUMBER(C2:C7),C2:C7,0))))',
      );
    expect(sheet.getRange("J1:K4").getValues()).toEqual([
      [2, 400],
      [2, 250],
      [0, 0],
      [0, 0],
    ]);
  });
});

describe("FREQUENCY (HyperFormula: #NAME?)", () => {
  beforeEach(() => {
    sheet.getRange("M1:M10").setValues([[1], [2], [3], [4], [5], [6], ["x"], [""], [true], [2]]);
  });

  it("counts the numbers up to each class, after the class before, and those above every class", () => {
    sheet.getRange("J1").setFormula("=FREQUENCY(M1:M10,{2;4})");
    // Text, booleans and blanks are skipped: 1, 2, 2 | 3, 4 | 5, 6.
    expect(sheet.getRange("J1:J3").getValues()).toEqual([[3], [2], [2]]);
  });

  it("keeps unsorted classes in their order and counts a repeated class once", () => {
    sheet.getRange("J1").setFormula("=FREQUENCY(M1:M10,{4;2})");
    expect(sheet.getRange("J1:J3").getValues()).toEqual([[2], [3], [2]]);
    sheet.getRange("K1").setFormula("=FREQUENCY(M1:M10,{2;2;5})");
    expect(sheet.getRange("K1:K4").getValues()).toEqual([[3], [0], [3], [1]]);
  });

  it("counts whole days inside ARRAYFORMULA, cut to the classes with ARRAY_CONSTRAIN, zeros for no data", () => {
    sheet.getRange("N1:N3").setValues([[2], [4], [6]]);
    sheet
      .getRange("J1")
      .setFormula('=ARRAYFORMULA(ARRAY_CONSTRAIN(FREQUENCY(IFERROR(INT(FILTER(M1:M6*1.5,M1:M6>1)),""),N1:N3),3,1))');
    // 3, 4.5, 6, 7.5, 9 are the days 3, 4, 6, 7, 9: none up to 2, two up to 4, one up to 6, two beyond (cut off).
    expect(sheet.getRange("J1:J4").getValues()).toEqual([[0], [2], [1], [""]]);
    sheet
      .getRange("K1")
      .setFormula('=ARRAYFORMULA(ARRAY_CONSTRAIN(FREQUENCY(IFERROR(INT(FILTER(M1:M6,M1:M6>9)),""),N1:N3),3,1))');
    expect(sheet.getRange("K1:K3").getValues()).toEqual([[0], [0], [0]]);
  });
});

describe("MMULT over dates and times (HyperFormula: #VALUE!)", () => {
  it("multiplies numbers computed from dates as the numbers they are", () => {
    sheet.getRange("M1:M2").setFormulas([["=DATE(2026,12,1)+1/2"], ["=DATE(2026,12,2)+3/4"]]);
    // A date-time minus its day keeps a date-time subtype in HyperFormula; Sheets sees 0.5 and 0.75.
    expect(value("=MMULT(SEQUENCE(1,2,1,0),M1:M2-INT(M1:M2))")).toBeCloseTo(1.25, 9);
    expect(value("=MMULT(SEQUENCE(1,2,1,0),M1:M2)")).toBeCloseTo(46357.5 + 46358.75, 6);
  });

  it("is still #VALUE! for text", () => {
    sheet.getRange("M1:M2").setValues([[1], ["x"]]);
    expect(value("=MMULT(SEQUENCE(1,2,1,0),M1:M2)")).toBe("#VALUE!");
  });
});

describe("ARRAYFORMULA of a bare range (HyperFormula: #VALUE!)", () => {
  it("fills the range's values, as Sheets does", () => {
    sheet.getRange("M1:N2").setValues([
      [1, "a"],
      [2, "b"],
    ]);
    sheet.getRange("J1").setFormula("=ARRAYFORMULA(M1:N2)");
    expect(sheet.getRange("J1:K2").getValues()).toEqual([
      [1, "a"],
      [2, "b"],
    ]);
    sheet.getRange("M2").setValue(5);
    expect(sheet.getRange("J2").getValue()).toBe(5);
  });
});

describe("LET (HyperFormula: #NAME?)", () => {
  it("binds names in order, later values reading earlier ones, case-insensitively", () => {
    expect(value("=LET(x,2,y,x+1,x*Y)")).toBe(6);
    expect(value('=LET(word,"a",word&"b")')).toBe("ab");
  });

  it("lets an inner LET shadow a name only inside itself", () => {
    expect(value("=LET(a,1,LET(a,2,a)+a)")).toBe(3);
  });

  it("keeps a computed column intact however often it is used", () => {
    // HyperFormula writes an operation's result into a computed array it is given; a bound one must survive every use.
    sheet.getRange("M1:M3").setValues([[10], [20], [""]]);
    expect(value("=LET(h,TRANSPOSE(M1:M3),SUM((15>=h)*(15-10<h)))")).toBe(1);
    sheet.getRange("J1").setFormula("=ARRAYFORMULA(LET(day,INT(M1:M2/3),HSTACK(day,day*2,day+day)))");
    expect(sheet.getRange("J1:L2").getValues()).toEqual([
      [3, 6, 6],
      [6, 12, 12],
    ]);
  });

  it("sizes its result from the expression, so ARRAYFORMULA fills the whole column", () => {
    sheet.getRange("M1:M3").setValues([[1], [2], [3]]);
    sheet.getRange("J1").setFormula("=ARRAYFORMULA(LET(v,M1:M3*10,v+1))");
    expect(sheet.getRange("J1:J3").getValues()).toEqual([[11], [21], [31]]);
  });

  it("passes a range it names on as a range, as SUMIF needs", () => {
    sheet.getRange("M1:M3").setValues([[1], [2], [3]]);
    expect(value('=LET(r,M1:M3,SUMIF(r,">1"))')).toBe(5);
  });

  it("is an error without a name, value and expression", () => {
    expect(value("=LET(x,1)")).toBe("#N/A");
    expect(value("=LET(1,2,3)")).toBe("#N/A");
  });
});

describe("array arithmetic only where Sheets does it (HyperFormula with useArrayArithmetic does it everywhere)", () => {
  it("a range in scalar context is the cell in the formula's row, or #VALUE! outside the range's rows; nothing fills", () => {
    // C2:C4 is 100, 50, 300.
    expect(value("=C2:C4*2", "Z1")).toBe("#VALUE!");
    expect(value("=C2:C4*2", "Z3")).toBe(100);
    expect(sheet.getRange("Z4").getValue()).toBe("");
    expect(value("=SUM(C2:C4*2)", "Z1")).toBe("#VALUE!");
    expect(value("=INT(C2:C4)", "Z9")).toBe("#VALUE!");
  });

  it("ARRAYFORMULA turns it on for everything inside, including LET's values", () => {
    expect(value("=ARRAYFORMULA(SUM(C2:C4*2))")).toBe(900);
    expect(value("=LET(x,ARRAYFORMULA(C2:C4*2),SUM(x))")).toBe(900);
    expect(value("=LET(x,C2:C4*2,SUM(x))", "Z1")).toBe("#VALUE!");
  });

  it("functions that take arrays by definition evaluate their arguments as arrays: SUMPRODUCT, MMULT, FILTER's conditions, SORT", () => {
    expect(value('=SUMPRODUCT((B2:B4="won")*C2:C4)')).toBe(400);
    expect(value("=SUM(MMULT(TRANSPOSE(C2:C4)*1,C2:C4*0+1))")).toBe(450);
    expect(value("=SUM(FILTER(C2:C4,C2:C4*2>150))")).toBe(400);
    expect(value("=INDEX(SORT(C2:C4*-1),1,1)")).toBe(-300);
  });

  it("VSTACK and HSTACK don't: a computed column needs its own ARRAYFORMULA", () => {
    expect(value('=ROWS(VSTACK("t",ARRAYFORMULA(C2:C4*2)))')).toBe(4);
    sheet.getRange("Y1").setFormula('=VSTACK("t",ARRAYFORMULA(C2:C4*2))');
    expect(sheet.getRange("Y1:Y4").getValues().flat()).toEqual(["t", 200, 100, 600]);
    sheet.getRange("X1").setFormula('=VSTACK("t",C2:C4*2)');
    expect(sheet.getRange("X2").getValue()).toBe("#VALUE!");
  });
});

describe("open ranges", () => {
  it("an absolute open range ($C$2:$C) reaches the sheet's last row from any row (HyperFormula reads $C$2:$C1000 short by the formula's row)", () => {
    expect(value("=ROWS($C$2:$C)", "Z1")).toBe(999);
    expect(value("=ROWS($C$2:$C)", "Z41")).toBe(999);
    expect(value("=ROWS(C2:C)", "Z41")).toBe(999);
    expect(sheet.getRange("Z41").getFormula()).toBe("=ROWS(C2:C)");
    expect(value("=ROWS($C$2:$C)", "Z41")).toBe(999);
    expect(sheet.getRange("Z41").getFormula()).toBe("=ROWS($C$2:$C)");
  });
});

describe("INT rounds down as in Sheets (HyperFormula: toward zero, INT(-8.9) = -8)", () => {
  it("below and above zero, on a cell and on a column", () => {
    expect(value("=INT(-8.9)")).toBe(-9);
    expect(value("=INT(-8)")).toBe(-8);
    expect(value("=INT(8.9)")).toBe(8);
    expect(value("=INT(-1/3)")).toBe(-1);
    sheet.getRange("Y1").setFormula("=ARRAYFORMULA(INT(-C2:C4/7))");
    expect(sheet.getRange("Y1:Y3").getValues().flat()).toEqual([-15, -8, -43]);
  });
});

describe("PERCENTILE with several k inside ARRAYFORMULA", () => {
  it("gives one value per k, the one at 1/2 being the median, for odd and even counts, ties and one value", () => {
    sheet.getRange("J1").setFormula("=ARRAYFORMULA(PERCENTILE(C2:C4,HSTACK(1/2,9/10)))");
    // 50, 100, 300: the 90th percentile lies 0.8 of the way from 100 to 300.
    expect(sheet.getRange("J1:K1").getValues()).toEqual([[100, 260]]);
    sheet.getRange("M1:M4").setValues([[4], [1], [3], [2]]);
    sheet.getRange("J2").setFormula("=ARRAYFORMULA(PERCENTILE(M1:M4,HSTACK(1/2,9/10)))");
    expect(sheet.getRange("J2:K2").getValues()[0]?.[0]).toBe(value("=MEDIAN(M1:M4)"));
    expect(sheet.getRange("K2").getValue() as number).toBeCloseTo(3.7, 12);
    sheet.getRange("M1:M4").setValues([[2], [2], [2], [5]]);
    expect(sheet.getRange("J2:K2").getValues()[0]?.[0]).toBe(2);
    expect(sheet.getRange("K2").getValue() as number).toBeCloseTo(4.1, 12);
    sheet.getRange("J3").setFormula("=ARRAYFORMULA(PERCENTILE(M1,HSTACK(1/2,9/10)))");
    expect(sheet.getRange("J3:K3").getValues()).toEqual([[2, 2]]);
    // No value at all (an empty FILTER) is an error the reports turn into blanks.
    sheet.getRange("J4").setFormula('=ARRAYFORMULA(IFERROR(PERCENTILE(FILTER(M1:M4,M1:M4>9),HSTACK(1/2,9/10)),""))');
    expect(sheet.getRange("J4:K4").getValues()).toEqual([["", ""]]);
  });
});

describe('TEXT uses Sheets\' number formats (HyperFormula: TEXT(0.5,"0%") = "1%")', () => {
  it.each([
    ['=TEXT(0.5,"0%")', "50%"],
    ['=TEXT(0.125,"0.0%")', "12.5%"],
    ['=TEXT(1234.5,"#,##0.00")', "1,234.50"],
    ['=TEXT(3.14159,"0.0")', "3.1"],
    ['=TEXT(DATE(2026,12,1),"yyyy-mm-dd")', "2026-12-01"],
    ['=TEXT(DATE(2026,12,1),"mmm yyyy")', "Dec 2026"],
    ['=TEXT(DATE(2026,12,1),"dd.mm.yyyy")', "01.12.2026"],
    ['=TEXT(TIME(14,30,0),"hh:mm")', "14:30"],
    ['=TEXT(C2,"0.0")&" h"', "100.0 h"],
    ['=TEXT("abc","0")', "abc"],
  ])("%s → %s", (formula, expected) => {
    expect(value(formula)).toBe(expected);
  });

  it("in a German spreadsheet, TEXT shows German separators and month names", () => {
    const de = workbook({ locale: "de_DE" });
    expect(evaluate(de.sheet, '=TEXT(1234.5,"#,##0.00")')).toBe("1.234,50");
    expect(evaluate(de.sheet, '=TEXT(DATE(2026,3,1),"mmmm yyyy")')).toBe("März 2026");
  });
});
