import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateLessThan, parseDate } from "./date";

describe("date operator family", () => {
  it.each([
    ["2020-01-01T00:00:00Z", Date.UTC(2020, 0, 1)],
    ["2020-01-01", Date.UTC(2020, 0, 1)],
    ["2020-06", Date.UTC(2020, 5, 1)],
    ["2020-01-01T10:30Z", Date.UTC(2020, 0, 1, 10, 30)],
    ["2020-01-01T10:30:15.250Z", Date.UTC(2020, 0, 1, 10, 30, 15, 250)],
    ["2020-01-01T10:00:00+02:00", Date.UTC(2020, 0, 1, 8)],
    ["2020-01-01T10:00:00-0530", Date.UTC(2020, 0, 1, 15, 30)],
    ["1577836800", Date.UTC(2020, 0, 1)],
  ])("reads %s", (text, ms) => expect(parseDate(text)).toBe(ms));

  it.each([
    "yesterday",
    "2020-13-01",
    "2020-01-01T25:00:00Z",
    "01/02/2020",
    "2020-01-01 10:00",
    "",
  ])("rejects %j (fails closed)", (text) => expect(parseDate(text)).toBeUndefined());

  it("an instant in epoch seconds and in ISO 8601 reads the same", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000 }), (seconds) => {
        const iso = new Date(seconds * 1000).toISOString();
        return parseDate(String(seconds)) === parseDate(iso);
      }),
    );
  });

  it("DateLessThan orders instants", () => {
    const p = dateLessThan.policy("2020-01-01T00:00:00Z")!;
    expect(dateLessThan.test(parseDate("2019-12-31T23:59:59Z")!, p)).toBe(true);
    expect(dateLessThan.test(parseDate("2020-01-01T00:00:00Z")!, p)).toBe(false);
  });
});
