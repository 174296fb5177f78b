import { describe, expect, it } from "@jest/globals";
import { customersNeeded, leadsNeeded, revenueGoal } from "../../src/core/leadGoal";

describe("lead goal (method §2)", () => {
  it("reproduces the guide's worked example: 5,000 quota, 100 % share, deal size 100, 50 % close rate", () => {
    expect(revenueGoal(5000, 1)).toBe(5000);
    expect(customersNeeded(5000, 1, 100)).toBe(50);
    expect(leadsNeeded(5000, 1, 100, 0.5)).toBe(100);
  });
});
