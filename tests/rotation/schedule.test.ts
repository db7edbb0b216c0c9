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
    expect(window({ ScheduleExpression: "cron(0 0 L * ? *)" }, "2026-02-03T00:00:00Z")).toEqual([
      "2026-02-28T00:00:00.000Z",
      "2026-03-01T00:00:00.000Z",
    ]);
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
});
