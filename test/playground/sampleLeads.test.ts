/**
 * Sample leads (playground/sampleLeads.ts) for a month still running are
 * never handed off, followed up or closed after the current time, the time
 * NOW() gives in the spreadsheet: a lead can't wait a negative time.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { sampleLeads } from "../../playground/sampleLeads";
import { defaultConfig } from "../../src/config/defaults";
import { validateConfig } from "../../src/config/validate";
import type { SlaConfig } from "../../src/config/schema";

function config(): SlaConfig {
  const defaults = defaultConfig("en", "2026-12");
  const result = validateConfig(
    {
      ...defaults,
      contacts: [{ name: "Kendra Miles", email: "kendra@example.com", role: "", party: "sales" }],
      sales: { ...defaults.sales, reps: ["Kendra Miles"] },
    },
    "en",
  );
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.text).join("\n"));
  return result.config;
}

const pad = (n: number): string => String(n).padStart(2, "0");

describe("sample leads of a running month", () => {
  const sla = config();

  it("are all before now, whatever the time of day and the seed", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 3, max: 120 }),
        (day, minute, seed, count) => {
          const today = `2026-12-${pad(day)}`;
          const now = `${today}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
          const rows = sampleLeads(sla, { month: "2026-12", count, seed, today, now });
          const at = now.replace("T", " ");
          for (const row of rows) {
            expect(row[4] <= at).toBe(true);
            expect(row[3] <= row[4]).toBe(true);
            if (row[6] !== "") expect(row[6] <= at).toBe(true);
            if (row[11] !== "") expect(row[11] <= today).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("move a lead of later today to an earlier working day rather than after now", () => {
    // Tuesday 15 December 2026 at 09:30: the morning's first hand-offs at most, the rest on earlier days.
    const rows = sampleLeads(sla, {
      month: "2026-12",
      count: 60,
      seed: 20261201,
      today: "2026-12-15",
      now: "2026-12-15T09:30",
    });
    const later = sampleLeads(sla, { month: "2026-12", count: 60, seed: 20261201, today: "2026-12-15" });
    expect(later.some((row) => row[4] > "2026-12-15 09:30")).toBe(true);
    expect(rows.every((row) => row[4] <= "2026-12-15 09:30")).toBe(true);
    expect(rows.length).toBeGreaterThan(50);
  });
});
