// Rotation rules: validation in AWS's terms and the windows they open, in UTC.
import { describe, expect, it } from "vitest";
import { AwsError } from "@/lib/errors";
import { parseRotationRules } from "@/lib/rotation/schedule";

const at = (iso: string) => new Date(iso);
const window = (
  rules: Record<string, unknown>,
  last: string | null,
  now = "2026-03-10T09:30:00Z",
) => {
  const { schedule } = parseRotationRules(rules);
  const w = schedule.nextWindow(last ? at(last) : null, at(now));
  return [w.start.toISOString(), w.end.toISOString()];
};

function refused(rules: unknown): string {
  try {
    parseRotationRules(rules);
  } catch (error) {
    expect(error).toBeInstanceOf(AwsError);
    expect((error as AwsError).code).toBe("InvalidParameterException");
    return (error as AwsError).message;
  }
  throw new Error(`expected ${JSON.stringify(rules)} to be refused`);
}

describe("rotation rules", () => {
  it("AutomaticallyAfterDays opens the whole UTC day N days after the last rotation", () => {
    expect(window({ AutomaticallyAfterDays: 30 }, "2026-03-10T17:45:00Z")).toEqual([
      "2026-04-09T00:00:00.000Z",
      "2026-04-10T00:00:00.000Z",
    ]);
    expect(window({ AutomaticallyAfterDays: 1, Duration: "3h" }, "2026-03-10T17:45:00Z")).toEqual([
      "2026-03-11T00:00:00.000Z",
      "2026-03-11T03:00:00.000Z",
    ]);
  });

  it("accepts AutomaticallyAfterDays from 1 to 1000 only", () => {
    expect(parseRotationRules({ AutomaticallyAfterDays: 1000 }).rules).toEqual({
      AutomaticallyAfterDays: 1000,
    });
    for (const days of [0, 1001, 2.5, -3, "x"]) {
      expect(refused({ AutomaticallyAfterDays: days })).toMatch(/1 to 1000/);
    }
  });

  it("rate() in hours: windows from midnight, an hour long, at most every four hours", () => {
    expect(window({ ScheduleExpression: "rate(4 hours)" }, "2026-03-10T09:30:00Z")).toEqual([
      "2026-03-10T12:00:00.000Z",
      "2026-03-10T13:00:00.000Z",
    ]);
    expect(window({ ScheduleExpression: "rate(10 hours)" }, "2026-03-10T20:10:00Z")).toEqual([
      "2026-03-11T00:00:00.000Z",
      "2026-03-11T01:00:00.000Z",
    ]);
    expect(refused({ ScheduleExpression: "rate(3 hours)" })).toMatch(/every four hours/);
    expect(refused({ ScheduleExpression: "rate(6 hours)", Duration: "7h" })).toMatch(
      /must not extend into the next rotation window/,
    );
  });

  it("rate() in days: from the day of the last rotation, the rest of that day by default", () => {
    expect(window({ ScheduleExpression: "rate(10 days)" }, "2026-03-10T23:59:00Z")).toEqual([
      "2026-03-20T00:00:00.000Z",
      "2026-03-21T00:00:00.000Z",
    ]);
    expect(
      window({ ScheduleExpression: "rate(1 day)", Duration: "24h" }, null, "2026-03-10T05:00:00Z"),
    ).toEqual(["2026-03-11T00:00:00.000Z", "2026-03-12T00:00:00.000Z"]);
  });

  it("cron() in days: opens at its hour, until the end of the UTC day", () => {
    // The first Saturday of the month at 16:00 UTC, window 16:00-20:00.
    expect(
      window(
        { ScheduleExpression: "cron(0 16 ? * SAT#1 *)", Duration: "4h" },
        "2026-03-10T09:30:00Z",
      ),
    ).toEqual(["2026-04-04T16:00:00.000Z", "2026-04-04T20:00:00.000Z"]);
    expect(window({ ScheduleExpression: "cron(0 8 1 * ? *)" }, "2026-03-10T09:30:00Z")).toEqual([
      "2026-04-01T08:00:00.000Z",
      "2026-04-02T00:00:00.000Z",
    ]);
    expect(
      window(
        { ScheduleExpression: "cron(0 0 L * ? *)" },
        "2026-02-03T00:00:00Z",
        "2026-02-03T00:00:00Z",
      ),
    ).toEqual(["2026-02-28T00:00:00.000Z", "2026-03-01T00:00:00.000Z"]);
    expect(refused({ ScheduleExpression: "cron(0 22 * * ? *)", Duration: "4h" })).toMatch(
      /next UTC day/,
    );
  });

  it("cron() in hours: increments reset each day, windows an hour long by default", () => {
    expect(window({ ScheduleExpression: "cron(0 4/12 * * ? *)" }, "2026-03-10T16:30:00Z")).toEqual([
      "2026-03-11T04:00:00.000Z",
      "2026-03-11T05:00:00.000Z",
    ]);
    expect(
      window({ ScheduleExpression: "cron(0 9,17 ? * MON-FRI *)" }, "2026-03-13T17:10:00Z"),
    ).toEqual(["2026-03-16T09:00:00.000Z", "2026-03-16T10:00:00.000Z"]);
    expect(refused({ ScheduleExpression: "cron(0 */2 * * ? *)" })).toMatch(/every four hours/);
  });

  it("refuses malformed schedules in words that say what to fix", () => {
    expect(refused({ ScheduleExpression: "cron(15 10 * * ? *)" })).toMatch(/Minutes must be 0/);
    expect(refused({ ScheduleExpression: "cron(0 10 * * * *)" })).toMatch(
      /one of Day-of-month and Day-of-week must be \?/,
    );
    expect(refused({ ScheduleExpression: "cron(0 10 * *)" })).toMatch(/six fields/);
    expect(refused({ ScheduleExpression: "every day" })).toMatch(/rate\(N hours\)/);
    expect(refused({ ScheduleExpression: "rate(10 days)", AutomaticallyAfterDays: 10 })).toMatch(
      /both/,
    );
    expect(refused({ Duration: "3h" })).toMatch(/AutomaticallyAfterDays or ScheduleExpression/);
    expect(refused({ AutomaticallyAfterDays: 5, Duration: "90m" })).toMatch(/whole hours/);
    expect(refused({ AutomaticallyAfterDays: 5, Extra: 1 })).toMatch(/Unknown parameter/);
  });

  it("follows AWS's cron() table: Minutes 0, Year *, L and # where they are allowed, no W", () => {
    for (const year of ["2027", "2026-2030", "2026/2"]) {
      expect(refused({ ScheduleExpression: `cron(0 10 * * ? ${year})` })).toMatch(
        /Year must be \*/,
      );
    }
    expect(refused({ ScheduleExpression: "cron(0 10 15W * ? *)" })).toMatch(
      /W \(nearest weekday\)/,
    );
    expect(refused({ ScheduleExpression: "cron(0 10 * L ? *)" })).toMatch(/out of range 1-12/);
    expect(refused({ ScheduleExpression: "cron(0 10 1#2 * ? *)" })).toMatch(/out of range 1-31/);
    expect(refused({ ScheduleExpression: "cron(0 10 30 FEB ? *)" })).toMatch(/matches no date/);
    // L alone in Day-of-week: the last day of the week, Saturday; 6L: the last Friday.
    expect(window({ ScheduleExpression: "cron(0 10 ? * L *)" }, "2026-03-10T09:30:00Z")).toEqual([
      "2026-03-14T10:00:00.000Z",
      "2026-03-15T00:00:00.000Z",
    ]);
    expect(window({ ScheduleExpression: "cron(0 10 ? * 6L *)" }, "2026-03-10T09:30:00Z")).toEqual([
      "2026-03-27T10:00:00.000Z",
      "2026-03-28T00:00:00.000Z",
    ]);
    // Names and increments in Month.
    expect(
      window({ ScheduleExpression: "cron(0 6 1 JAN-DEC/3 ? *)" }, "2026-03-10T09:30:00Z"),
    ).toEqual(["2026-04-01T06:00:00.000Z", "2026-04-02T00:00:00.000Z"]);
  });

  it("rate() takes hour, hours, day or days: at least four hours, at most 999 days", () => {
    expect(parseRotationRules({ ScheduleExpression: "rate(1 day)" }).schedule.unit).toBe("days");
    expect(parseRotationRules({ ScheduleExpression: "rate(999 days)" }).rules).toEqual({
      ScheduleExpression: "rate(999 days)",
    });
    expect(refused({ ScheduleExpression: "rate(1000 days)" })).toMatch(/1 to 999 days/);
    expect(refused({ ScheduleExpression: "rate(0 days)" })).toMatch(/1 to 999 days/);
    expect(refused({ ScheduleExpression: "rate(1 hour)" })).toMatch(/every four hours/);
    for (const unit of ["30 minutes", "2 weeks", "1 month", "-4 hours", "4.5 hours"]) {
      expect(refused({ ScheduleExpression: `rate(${unit})` })).toMatch(/rate\(N hours\)/);
    }
    // Windows in hours restart at midnight UTC: 21:00 then 00:00 would be three hours apart.
    expect(refused({ ScheduleExpression: "rate(7 hours)" })).toMatch(/midnight UTC/);
    expect(refused({ ScheduleExpression: "cron(0 1/7 * * ? *)" })).toMatch(/every four hours/);
  });

  it("Duration: whole hours from 1h to 24h, never into the next window or the next UTC day", () => {
    for (const duration of ["0h", "25h", "1d", "3", "3 h", "-1h", "1.5h"]) {
      expect(refused({ AutomaticallyAfterDays: 5, Duration: duration })).toMatch(/whole hours/);
    }
    expect(window({ AutomaticallyAfterDays: 5, Duration: "1h" }, "2026-03-10T09:30:00Z")).toEqual([
      "2026-03-15T00:00:00.000Z",
      "2026-03-15T01:00:00.000Z",
    ]);
    expect(parseRotationRules({ AutomaticallyAfterDays: 5, Duration: "24h" }).rules).toEqual({
      AutomaticallyAfterDays: 5,
      Duration: "24h",
    });
    // In hours: the window may fill the gap to the next one, not more.
    expect(
      window({ ScheduleExpression: "rate(4 hours)", Duration: "4h" }, "2026-03-10T09:30:00Z"),
    ).toEqual(["2026-03-10T12:00:00.000Z", "2026-03-10T16:00:00.000Z"]);
    expect(refused({ ScheduleExpression: "rate(4 hours)", Duration: "5h" })).toMatch(
      /next rotation window/,
    );
    expect(refused({ ScheduleExpression: "cron(0 2,14 * * ? *)", Duration: "13h" })).toMatch(
      /next rotation window/,
    );
    // In days: start hour plus Duration at most 24.
    expect(
      window({ ScheduleExpression: "cron(0 20 * * ? *)", Duration: "4h" }, "2026-03-10T09:30:00Z"),
    ).toEqual(["2026-03-10T20:00:00.000Z", "2026-03-11T00:00:00.000Z"]);
    expect(refused({ ScheduleExpression: "cron(0 20 * * ? *)", Duration: "5h" })).toMatch(
      /next UTC day/,
    );
  });

  it("schedules in UTC whatever the process's time zone", () => {
    const zone = process.env.TZ;
    process.env.TZ = "Pacific/Kiritimati"; // UTC+14
    try {
      expect(
        window({ ScheduleExpression: "cron(0 23 ? * MON *)" }, "2026-03-10T09:30:00Z"),
      ).toEqual(["2026-03-16T23:00:00.000Z", "2026-03-17T00:00:00.000Z"]);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("an overdue secret rotates in the first window still open, not a period later", () => {
    // Last rotated in January, every 30 days: the window of Feb 2 passed with no instance up.
    expect(window({ AutomaticallyAfterDays: 30 }, "2026-01-03T10:00:00Z")).toEqual([
      "2026-03-10T00:00:00.000Z",
      "2026-03-11T00:00:00.000Z",
    ]);
    // Today's 3-hour window closed at 03:00: tomorrow's.
    expect(window({ AutomaticallyAfterDays: 30, Duration: "3h" }, "2026-01-03T10:00:00Z")).toEqual([
      "2026-03-11T00:00:00.000Z",
      "2026-03-11T03:00:00.000Z",
    ]);
    // Tuesday 2026-03-10: its 08:00-10:00 window is open at 09:30; an 08:00-09:00 one is over.
    expect(
      window({ ScheduleExpression: "cron(0 8 ? * TUE *)", Duration: "2h" }, "2026-01-01T00:00:00Z"),
    ).toEqual(["2026-03-10T08:00:00.000Z", "2026-03-10T10:00:00.000Z"]);
    expect(
      window({ ScheduleExpression: "cron(0 8 ? * TUE *)", Duration: "1h" }, "2026-01-01T00:00:00Z"),
    ).toEqual(["2026-03-17T08:00:00.000Z", "2026-03-17T09:00:00.000Z"]);
    // The window open right now (09:00-10:00 of a 4-hourly schedule starting at 01:00) counts.
    expect(window({ ScheduleExpression: "cron(0 1/4 * * ? *)" }, "2025-06-01T00:00:00Z")).toEqual([
      "2026-03-10T09:00:00.000Z",
      "2026-03-10T10:00:00.000Z",
    ]);
  });
});
