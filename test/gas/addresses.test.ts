/**
 * The address parser shared by shareWithSales and the share dialog
 * (src/config/addresses.ts).
 */
import { describe, expect, it } from "@jest/globals";
import { EMAIL, parseAddresses } from "../../src/config/addresses";

describe("parseAddresses", () => {
  it("splits on commas, semicolons, lines and spaces, trims and lower-cases", () => {
    expect(
      parseAddresses(["A@Example.com, b@example.com;c@example.com\nd@example.com\r\ne@example.com f@example.com"]),
    ).toEqual({
      valid: ["a@example.com", "b@example.com", "c@example.com", "d@example.com", "e@example.com", "f@example.com"],
      invalid: [],
      duplicates: [],
    });
  });

  it("takes the address of `Name <address>` as mail programs copy it, without reporting the name", () => {
    expect(
      parseAddresses([
        'Kendra Miles <kendra@example.com>, "Sam O." <SAM@example.com>; <priya@example.com>\nA <a@example.com> B <b@example.com>',
      ]),
    ).toEqual({
      valid: ["kendra@example.com", "sam@example.com", "priya@example.com", "a@example.com", "b@example.com"],
      invalid: [],
      duplicates: [],
    });
  });

  it("reports what is not an address, and each repeated address once", () => {
    expect(
      parseAddresses([
        "x@example.com, nope, X@example.com, x@example.com",
        "@example.com",
        "a@b",
        "a b@c.de",
        null,
        undefined,
        42,
      ]),
    ).toEqual({
      valid: ["x@example.com", "b@c.de"],
      invalid: ["nope", "@example.com", "a@b", "a", "42"],
      duplicates: ["x@example.com"],
    });
  });

  it("never lets markup through as an address", () => {
    const { valid, invalid } = parseAddresses(["<img src=x onerror=alert(1)>@x.de", '"><script>@x.de', "a'b@x.de"]);
    expect(valid).toEqual([]);
    expect(invalid.length).toBeGreaterThan(0);
    for (const entry of [...valid, ...invalid]) if (EMAIL.test(entry)) throw new Error(entry);
  });

  it("ignores blanks", () => {
    expect(parseAddresses(["", " ,; \n", []])).toEqual({ valid: [], invalid: [], duplicates: [] });
  });
});
