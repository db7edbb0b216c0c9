// Rotation rules as Secrets Manager reads them: every N days (AutomaticallyAfterDays or
// rate(N days)), every N hours (rate(N hours)), or cron(); each opens a rotation window in UTC
// (Duration "Nh", or by default one hour for a schedule in hours and the rest of the UTC day for
// a schedule in days). A scheduled rotation starts only inside its window; windows always start
// on the hour, never overlap the next one, and never cross into the next UTC day. Pure: no I/O.
import { InvalidParameter } from "../errors";

export interface RotationRules {
  AutomaticallyAfterDays?: number;
  ScheduleExpression?: string;
  Duration?: string;
}

export interface RotationWindow {
  start: Date;
  end: Date;
}

export interface Schedule {
  /** "hours": several windows a day; "days": at most one window a day. */
  unit: "hours" | "days";
  /**
   * The first window that starts after `lastRotated` (or, never rotated, after `now`) and is not
   * over at `now`: a secret whose window passed (no instance ran during it, or the rules changed)
   * is overdue and rotates in the first window still open, not one period later.
   */
  nextWindow(lastRotated: Date | null, now: Date): RotationWindow;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Secrets Manager rotates a secret at most every four hours. */
export const MIN_INTERVAL_HOURS = 4;

const dayStart = (t: number) => t - (((t % DAY) + DAY) % DAY);

const invalid = (message: string) => InvalidParameter(message, "RotationRules");

/** Validates RotationRules and returns them normalised with their schedule. */
export function parseRotationRules(raw: unknown): { rules: RotationRules; schedule: Schedule } {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw invalid("RotationRules must be a structure.");
  }
  const input = raw as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!["AutomaticallyAfterDays", "ScheduleExpression", "Duration"].includes(key)) {
      throw invalid(
        `Unknown parameter in RotationRules: "${key}", must be one of: AutomaticallyAfterDays, ScheduleExpression, Duration`,
      );
    }
  }
  const days = parseDays(input.AutomaticallyAfterDays);
  const expression = optionalText(input.ScheduleExpression, "ScheduleExpression");
  const duration = parseDuration(input.Duration);
  if (days !== undefined && expression !== undefined) {
    throw invalid(
      "You can't specify both AutomaticallyAfterDays and ScheduleExpression: set the schedule with one of them.",
    );
  }
  if (days === undefined && expression === undefined) {
    throw invalid("RotationRules must include AutomaticallyAfterDays or ScheduleExpression.");
  }
  const rules: RotationRules = {};
  let schedule: Schedule;
  if (days !== undefined) {
    rules.AutomaticallyAfterDays = days;
    schedule = everyDays(days, 0, duration ?? 24);
  } else {
    rules.ScheduleExpression = expression!;
    schedule = parseExpression(expression!, duration);
  }
  if (duration !== undefined) rules.Duration = `${duration}h`;
  return { rules, schedule };
}

function parseDays(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 1000) {
    throw invalid("AutomaticallyAfterDays must be a whole number of days from 1 to 1000.");
  }
  return n;
}

function optionalText(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || value.trim() === "" || value.length > 256) {
    throw invalid(`${field} must be a string of 1 to 256 characters.`);
  }
  return value.trim();
}

function parseDuration(value: unknown): number | undefined {
  const text = optionalText(value, "Duration");
  if (text === undefined) return undefined;
  const match = /^(\d{1,2})h$/.exec(text);
  const hours = match ? Number(match[1]) : NaN;
  if (!(hours >= 1 && hours <= 24)) {
    throw invalid(
      `The Duration ${text} is invalid: give the rotation window in whole hours from 1h to 24h, for example 3h.`,
    );
  }
  return hours;
}

function parseExpression(expression: string, duration: number | undefined): Schedule {
  const rate = /^rate\(\s*(\d+)\s+(hours?|days?)\s*\)$/.exec(expression);
  if (rate) {
    const value = Number(rate[1]);
    if (rate[2].startsWith("day")) {
      if (value < 1 || value > 999) {
        throw invalid(
          `The schedule expression ${expression} is invalid: rate() in days must be 1 to 999 days.`,
        );
      }
      return everyDays(value, 0, duration ?? 24);
    }
    if (value < MIN_INTERVAL_HOURS || value > 24) {
      throw invalid(
        `The schedule expression ${expression} is invalid: you can rotate a secret as often as every four hours, and rate() in hours must be 4 to 24 hours (use days beyond).`,
      );
    }
    const hours: number[] = [];
    for (let h = 0; h < 24; h += value) hours.push(h);
    const last = hours[hours.length - 1];
    if (hours.length > 1 && 24 - last < MIN_INTERVAL_HOURS) {
      throw invalid(
        `The schedule expression ${expression} is invalid: rotation windows in hours start again at midnight UTC each day, so it would open at ${pad(last)}:00 and again at 00:00, ${24 - last} hours later; you can rotate a secret as often as every four hours. Choose an interval whose last window of the day opens at 20:00 or earlier (for example rate(4 hours), rate(6 hours), rate(8 hours), rate(12 hours)).`,
      );
    }
    return hoursSchedule(expression, () => true, hours, duration);
  }
  if (/^cron\(.*\)$/.test(expression)) {
    const schedule = parseCron(expression, duration);
    // A date that never comes (cron(0 10 30 FEB ? *)) is refused now, not when the runner looks
    // for the next window after a rotation.
    schedule.nextWindow(null, new Date());
    return schedule;
  }
  throw invalid(
    `The schedule expression ${expression} is invalid: use rate(N hours), rate(N days) or cron(Minutes Hours Day-of-month Month Day-of-week Year).`,
  );
}

/** A window every `days` days, counted from the day of the last rotation, opening at `hour`. */
function everyDays(days: number, hour: number, duration: number): Schedule {
  if (hour + duration > 24) {
    throw invalid(
      `The rotation window must not extend into the next UTC day: it opens at ${pad(hour)}:00 and lasts ${duration}h.`,
    );
  }
  return {
    unit: "days",
    nextWindow(lastRotated, now) {
      const base = dayStart((lastRotated ?? now).getTime());
      let start = base + days * DAY + hour * HOUR;
      if (start + duration * HOUR <= now.getTime()) {
        // Overdue: today's window if it is still open, else tomorrow's.
        start = dayStart(now.getTime()) + hour * HOUR;
        if (start + duration * HOUR <= now.getTime()) start += DAY;
      }
      return { start: new Date(start), end: new Date(start + duration * HOUR) };
    },
  };
}

/** Windows at the given hours of each matching day, `duration` hours long (default 1). */
function hoursSchedule(
  expression: string,
  dayMatches: (day: Date) => boolean,
  hours: number[],
  duration: number | undefined,
): Schedule {
  const sorted = [...new Set(hours)].sort((a, b) => a - b);
  let gap = 24;
  for (let i = 1; i < sorted.length; i++) gap = Math.min(gap, sorted[i] - sorted[i - 1]);
  // Across midnight too: the next day's first window follows today's last.
  if (sorted.length > 1) gap = Math.min(gap, 24 - sorted[sorted.length - 1] + sorted[0]);
  if (gap < MIN_INTERVAL_HOURS) {
    throw invalid(
      `The schedule expression ${expression} is invalid: you can rotate a secret as often as every four hours.`,
    );
  }
  const length = duration ?? 1;
  if (length > gap) {
    throw invalid(
      `The rotation window (${length}h) must not extend into the next rotation window (${gap} hours later).`,
    );
  }
  const last = sorted[sorted.length - 1];
  if (last + length > 24) {
    throw invalid(
      `The rotation window must not extend into the next UTC day: it opens at ${pad(last)}:00 and lasts ${length}h.`,
    );
  }
  return {
    unit: "hours",
    nextWindow(lastRotated, now) {
      const after = (lastRotated ?? now).getTime();
      const open = now.getTime() - length * HOUR; // a window starting after this is not over
      const from = Math.max(after, open - DAY);
      for (let day = dayStart(from), n = 0; n < 366 * 5; day += DAY, n++) {
        if (!dayMatches(new Date(day))) continue;
        for (const hour of sorted) {
          const start = day + hour * HOUR;
          if (start > after && start > open)
            return { start: new Date(start), end: new Date(start + length * HOUR) };
        }
      }
      throw invalid(
        `The schedule expression ${expression} is invalid: it matches no date (for example the 30th of February), so it never rotates.`,
      );
    },
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

// ---------------------------------------------------------------------------------------------
// cron(Minutes Hours Day-of-month Month Day-of-week Year), EventBridge's syntax, in UTC.

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const WEEKDAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

type DayRule = (day: Date) => boolean;

function parseCron(expression: string, duration: number | undefined): Schedule {
  const fields = expression.slice(5, -1).trim().split(/\s+/);
  const bad = (why: string) => invalid(`The schedule expression ${expression} is invalid: ${why}`);
  if (fields.length !== 6) {
    throw bad("cron() takes six fields: Minutes Hours Day-of-month Month Day-of-week Year.");
  }
  const [minutes, hoursField, dom, month, dow, year] = fields;
  if (minutes !== "0") throw bad("rotation windows start on the hour, so Minutes must be 0.");
  if ((dom === "?") === (dow === "?")) {
    throw bad("one of Day-of-month and Day-of-week must be ? (and only one).");
  }
  const hours = [...expand(hoursField, 0, 23, [], bad)];
  if (hours.length === 0) throw bad("Hours matches no hour.");
  // Secrets Manager's own restriction on EventBridge's syntax: no schedules more than a year apart.
  if (year !== "*") {
    throw bad(
      "Year must be *: Secrets Manager does not support rotation schedules more than a year apart.",
    );
  }
  const months = expand(month, 1, 12, MONTHS, bad);
  const dayRule = dom === "?" ? weekdayRule(dow, bad) : monthDayRule(dom, bad);
  const dayMatches: DayRule = (day) => months.has(day.getUTCMonth() + 1) && dayRule(day);
  if (hours.length > 1) return hoursSchedule(expression, dayMatches, hours, duration);
  const hour = hours[0];
  const length = duration ?? 24 - hour;
  if (hour + length > 24) {
    throw invalid(
      `The rotation window must not extend into the next UTC day: it opens at ${pad(hour)}:00 and lasts ${length}h.`,
    );
  }
  return {
    unit: "days",
    nextWindow(lastRotated, now) {
      const after = (lastRotated ?? now).getTime();
      const open = now.getTime() - length * HOUR; // a window starting after this is not over
      const from = Math.max(after, open - DAY);
      for (let day = dayStart(from), n = 0; n < 366 * 5; day += DAY, n++) {
        const start = day + hour * HOUR;
        if (start > after && start > open && dayMatches(new Date(day))) {
          return { start: new Date(start), end: new Date(start + length * HOUR) };
        }
      }
      throw bad("it matches no date (for example the 30th of February), so it never rotates.");
    },
  };
}

/** `*`, `a`, `a-b`, `a/n`, `a-b/n`, `* /n` and lists of them, with names where the field has them. */
function expand(
  field: string,
  min: number,
  max: number,
  names: string[],
  bad: (why: string) => Error,
): Set<number> {
  const value = (text: string): number => {
    const index = names.indexOf(text.toUpperCase());
    const n = index >= 0 ? index + min : /^\d+$/.test(text) ? Number(text) : NaN;
    if (!(n >= min && n <= max)) throw bad(`${text} is out of range ${min}-${max}.`);
    return n;
  };
  const out = new Set<number>();
  for (const part of field.split(",")) {
    const [range, stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw bad(`${part} has an invalid increment.`);
    let from: number;
    let to: number;
    if (range === "*") [from, to] = [min, max];
    else if (range.includes("-")) {
      const [a, b] = range.split("-");
      [from, to] = [value(a), value(b)];
      if (from > to) throw bad(`${part} is an empty range.`);
    } else {
      from = value(range);
      to = stepText === undefined ? from : max;
    }
    for (let n = from; n <= to; n += step) out.add(n);
  }
  return out;
}

function monthDayRule(field: string, bad: (why: string) => Error): DayRule {
  if (field === "*") return () => true;
  if (field === "L") return (day) => isLastDayOfMonth(day);
  if (/^\d+W$/.test(field)) throw bad("the W (nearest weekday) form is not supported.");
  const days = expand(field, 1, 31, [], bad);
  return (day) => days.has(day.getUTCDate());
}

function weekdayRule(field: string, bad: (why: string) => Error): DayRule {
  if (field === "*") return () => true;
  // L alone in Day-of-week is the last day of the week, 7 (SAT), as in EventBridge.
  if (field.toUpperCase() === "L") return (day) => day.getUTCDay() === 6;
  const nth = /^([A-Za-z]{3}|[1-7])#([1-5])$/.exec(field);
  if (nth) {
    const weekday = weekdayNumber(nth[1], bad);
    const which = Number(nth[2]);
    return (day) => day.getUTCDay() + 1 === weekday && Math.ceil(day.getUTCDate() / 7) === which;
  }
  const last = /^([A-Za-z]{3}|[1-7])L$/.exec(field);
  if (last) {
    const weekday = weekdayNumber(last[1], bad);
    return (day) => day.getUTCDay() + 1 === weekday && day.getUTCDate() + 7 > daysInMonth(day);
  }
  const days = expand(field, 1, 7, WEEKDAYS, bad);
  return (day) => days.has(day.getUTCDay() + 1);
}

function weekdayNumber(text: string, bad: (why: string) => Error): number {
  const index = WEEKDAYS.indexOf(text.toUpperCase());
  const n = index >= 0 ? index + 1 : Number(text);
  if (!(n >= 1 && n <= 7)) throw bad(`${text} is not a day of the week.`);
  return n;
}

const daysInMonth = (day: Date) =>
  new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)).getUTCDate();
const isLastDayOfMonth = (day: Date) => day.getUTCDate() === daysInMonth(day);

/** RotationRules as stored on the Secret row (JSON) back to their schedule; undefined if none. */
export function scheduleOf(rotationRules: string | null | undefined): Schedule | undefined {
  if (!rotationRules) return undefined;
  try {
    return parseRotationRules(JSON.parse(rotationRules)).schedule;
  } catch {
    // Stored rules were valid when written; a rule this version no longer reads schedules nothing.
    return undefined;
  }
}
