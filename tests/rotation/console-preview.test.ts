// The rotation form's schedule: the rules its fields make and the next five rotation dates it
// shows (UTC), from the same parser RotateSecret uses.
import { describe, expect, it } from "vitest";
import { draftFromRules, nextRotationDates, rulesFromDraft } from "@/lib/rotation/preview";

const now = new Date("2026-03-10T09:30:00Z");
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe("next rotation dates", () => {
  it("every N days: the start of each UTC day N days apart", () => {
    expect(iso(nextRotationDates({ AutomaticallyAfterDays: 7 }, now))).toEqual([
      "2026-03-17T00:00:00.000Z",
      "2026-03-24T00:00:00.000Z",
      "2026-03-31T00:00:00.000Z",
      "2026-04-07T00:00:00.000Z",
      "2026-04-14T00:00:00.000Z",
    ]);
  });

  it("rate() in hours: every window of the day after now", () => {
    expect(iso(nextRotationDates({ ScheduleExpression: "rate(6 hours)" }, now))).toEqual([
      "2026-03-10T12:00:00.000Z",
      "2026-03-10T18:00:00.000Z",
      "2026-03-11T00:00:00.000Z",
      "2026-03-11T06:00:00.000Z",
      "2026-03-11T12:00:00.000Z",
    ]);
  });

  it("cron(): the matching days and hours", () => {
    expect(
      iso(nextRotationDates({ ScheduleExpression: "cron(0 16 1,15 * ? *)", Duration: "2h" }, now)),
    ).toEqual([
      "2026-03-15T16:00:00.000Z",
      "2026-04-01T16:00:00.000Z",
      "2026-04-15T16:00:00.000Z",
      "2026-05-01T16:00:00.000Z",
      "2026-05-15T16:00:00.000Z",
    ]);
  });

  it("bad rules fail with RotateSecret's own message", () => {
    expect(() => nextRotationDates({ ScheduleExpression: "rate(2 hours)" }, now)).toThrow(
      /every four hours/,
    );
    expect(() =>
      nextRotationDates(
        rulesFromDraft({ mode: "builder", days: "x", expression: "", durationHours: "" }),
        now,
      ),
    ).toThrow("AutomaticallyAfterDays must be a whole number of days from 1 to 1000.");
    expect(() =>
      nextRotationDates(
        rulesFromDraft({ mode: "builder", days: "3", expression: "", durationHours: "30" }),
        now,
      ),
    ).toThrow(/Duration 30h is invalid/);
  });
});

describe("form fields and rules", () => {
  it("makes RotationRules from the builder or an expression, with the window", () => {
    expect(
      rulesFromDraft({ mode: "builder", days: " 30 ", expression: "", durationHours: "3" }),
    ).toEqual({ AutomaticallyAfterDays: 30, Duration: "3h" });
    expect(
      rulesFromDraft({
        mode: "expression",
        days: "30",
        expression: " rate(4 hours) ",
        durationHours: "",
      }),
    ).toEqual({ ScheduleExpression: "rate(4 hours)" });
  });

  it("opens on a secret's stored rules", () => {
    expect(draftFromRules(undefined)).toEqual({
      mode: "builder",
      days: "30",
      expression: "",
      durationHours: "",
    });
    expect(draftFromRules({ AutomaticallyAfterDays: 10, Duration: "4h" })).toMatchObject({
      mode: "builder",
      days: "10",
      durationHours: "4",
    });
    expect(draftFromRules({ ScheduleExpression: "rate(12 days)" })).toMatchObject({
      mode: "builder",
      days: "12",
    });
    expect(draftFromRules({ ScheduleExpression: "cron(0 8 ? * MON *)" })).toMatchObject({
      mode: "expression",
      expression: "cron(0 8 ? * MON *)",
    });
  });
});
