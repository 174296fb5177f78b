/**
 * The pure parts of the browser checks (playground/server/browserDriver.ts):
 * how a chart's domain is read, and which points lie after today.
 */
import { describe, expect, it } from "@jest/globals";
import { domainKind, futurePoints, outside } from "../../playground/server/browserDriver";

const days = ["2026-12-14", "2026-12-15", "2026-12-16"];
const months = ["2026-11-01", "2026-12-01", "2027-01-01"];

describe("domainKind", () => {
  it("reads days, months (as text or as first days) and anything else", () => {
    expect(domainKind({ domain: days })).toBe("days");
    expect(domainKind({ domain: months })).toBe("months");
    expect(domainKind({ domain: ["2026-11", "2026-12", null] })).toBe("months");
    expect(domainKind({ domain: ["Kendra", "Sam"] })).toBe("other");
    expect(domainKind({})).toBe("other");
  });
});

describe("futurePoints (today 2026-12-15)", () => {
  const line = (label: string, data: (number | null)[], dashed = false) => ({ label, data, dashed });

  it("over days: a measured series ends with today, a dashed goal line may run to the month's end", () => {
    const chart = {
      domain: days,
      datasets: [line("actual", [3, 4, null]), line("goal", [3, 4, 5], true), line("per day", [1, 1, 0])],
    };
    expect(futurePoints(chart, "2026-12-15")).toEqual([{ series: "per day", at: "2026-12-16", value: 0 }]);
    const nextMonth = { domain: ["2026-12-31", "2027-01-01"], datasets: [line("goal", [9, 10], true)] };
    expect(futurePoints(nextMonth, "2026-12-15")).toEqual([{ series: "goal", at: "2027-01-01", value: 10 }]);
  });

  it("over months: no series, goal lines included, has a value after today's month", () => {
    const chart = { domain: months, datasets: [line("hours", [5, 6, null]), line("goal", [4, 4, 4], true)] };
    expect(futurePoints(chart, "2026-12-15")).toEqual([{ series: "goal", at: "2027-01", value: 4 }]);
    expect(futurePoints({ domain: months, datasets: [line("hours", [5, 6, null])] }, "2026-12-15")).toEqual([]);
  });

  it("has nothing to say about charts over names", () => {
    expect(futurePoints({ domain: ["Kendra", "Sam"], datasets: [line("leads", [3, 4])] }, "2026-12-15")).toEqual([]);
  });
});

describe("outside", () => {
  it("says by how much a box sticks out of another", () => {
    const room = { left: 0, top: 0, right: 300, bottom: 500 };
    expect(outside({ left: 10, top: 10, right: 290, bottom: 500 }, room)).toBe("");
    expect(outside({ left: 10, top: 450, right: 310, bottom: 550 }, room)).toBe(
      "10 px past its right edge, 50 px below its bottom",
    );
  });
});
