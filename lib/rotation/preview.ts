// What the console shows while rotation rules are being edited: the rules the form's fields
// make, and the next rotation dates they give (UTC). Pure, so the browser can run it as the
// user types; the same parser RotateSecret uses decides what is valid.
import { parseRotationRules, type RotationRules } from "./schedule";

/** The next `count` rotation window starts, the first one after `now`. Throws AWS's error. */
export function nextRotationDates(rules: RotationRules, now: Date, count = 5): Date[] {
  const { schedule } = parseRotationRules(rules);
  const dates: Date[] = [];
  let last: Date | null = null;
  let at = now;
  for (let i = 0; i < count; i++) {
    const window = schedule.nextWindow(last, at);
    // A schedule that gives the same window again would loop forever: stop instead.
    if (dates.length > 0 && window.start.getTime() <= dates[dates.length - 1].getTime()) break;
    dates.push(window.start);
    last = window.start;
    at = window.start;
  }
  return dates;
}

export interface ScheduleDraft {
  mode: "builder" | "expression";
  /** Schedule expression builder: every N days. */
  days: string;
  /** rate() or cron(). */
  expression: string;
  /** Window duration in hours ("" for the default). */
  durationHours: string;
}

/** The RotationRules the form's fields make (validated later by parseRotationRules). */
export function rulesFromDraft(draft: ScheduleDraft): RotationRules {
  const rules: RotationRules = {};
  if (draft.mode === "builder") {
    const text = draft.days.trim();
    rules.AutomaticallyAfterDays = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  } else {
    rules.ScheduleExpression = draft.expression.trim();
  }
  if (draft.durationHours.trim()) rules.Duration = `${draft.durationHours.trim()}h`;
  return rules;
}

/** The form's fields for stored rules (the Edit rotation dialog opens on the secret's own). */
export function draftFromRules(rules: RotationRules | undefined): ScheduleDraft {
  const duration = rules?.Duration ? (/^(\d+)h$/.exec(rules.Duration)?.[1] ?? "") : "";
  if (rules?.ScheduleExpression) {
    const rate = /^rate\(\s*(\d+)\s+days?\s*\)$/.exec(rules.ScheduleExpression);
    if (rate) return { mode: "builder", days: rate[1], expression: "", durationHours: duration };
    return {
      mode: "expression",
      days: "30",
      expression: rules.ScheduleExpression,
      durationHours: duration,
    };
  }
  return {
    mode: "builder",
    days: String(rules?.AutomaticallyAfterDays ?? 30),
    expression: "",
    durationHours: duration,
  };
}
