import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { customersNeeded, leadsNeeded, revenueGoal, tierShares, tierSharesOverflow } from "../../src/core/leadGoal";

describe("lead goal (method §2)", () => {
  it("reproduces the guide's worked example: 5,000 quota, 100 % share, deal size 100, 50 % close rate", () => {
    expect(revenueGoal(5000, 1)).toBe(5000);
    expect(customersNeeded(5000, 1, 100)).toBe(50);
    expect(leadsNeeded(5000, 1, 100, 0.5)).toBe(100);
  });
});

describe("tierShares", () => {
  it("keeps own shares and splits what they leave of the marketing share evenly among the other tiers", () => {
    tierShares(0.6, [0.2, undefined, undefined]).forEach((share) => expect(share).toBeCloseTo(0.2, 15));
    expect(tierShares(1, [undefined, undefined, undefined, undefined])).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(tierShares(0.5, [0.1, 0.4])).toEqual([0.1, 0.4]);
    expect(tierShares(0.5, [0.5, undefined])).toEqual([0.5, 0]);
  });

  it("refuses own shares adding up to more than the marketing share, forgiving rounding noise", () => {
    expect(tierSharesOverflow(0.5, [0.3, 0.3, undefined])).toBeCloseTo(0.6, 12);
    expect(tierSharesOverflow(0.3, [0.1, 0.2])).toBeUndefined();
    expect(tierSharesOverflow(0.6, [undefined, undefined])).toBeUndefined();
  });

  it("never sizes the tiers to more than the marketing share, and to all of it when a tier has no share of its own", () => {
    const share = fc.integer({ min: 1, max: 10000 }).map((basisPoints) => basisPoints / 10000);
    fc.assert(
      fc.property(
        share,
        fc.array(fc.option(share, { nil: undefined }), { minLength: 1, maxLength: 12 }),
        (marketing, own) => {
          const sized = tierShares(marketing, own);
          const total = sized.reduce((sum, each) => sum + each, 0);
          if (tierSharesOverflow(marketing, own) !== undefined) return;
          own.forEach((each, index) => {
            if (each !== undefined) expect(sized[index]).toBe(each);
            expect(sized[index]).toBeGreaterThanOrEqual(0);
          });
          expect(total).toBeLessThanOrEqual(marketing * (1 + 1e-12));
          if (own.includes(undefined)) expect(total).toBeCloseTo(marketing, 12);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
