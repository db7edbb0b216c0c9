// The rotation form's state and what it becomes: the save action's input, and the problems the
// browser can point out before asking the server (which checks everything again).
import { nextRotationDates, rulesFromDraft, type ScheduleDraft } from "@/lib/rotation/preview";
import { TEMPLATES, type TemplateId } from "@/lib/rotation/templates/catalog";
import type { RotationFunctionView, SaveRotationInput } from "./types";

export interface RotationDraft {
  enabled: boolean;
  schedule: ScheduleDraft;
  rotateImmediately: boolean;
  functionMode: "existing" | "create";
  functionArn: string;
  newFunctionName: string;
  newTemplate: TemplateId;
  endpoint: string;
  useSeparateCredentials: boolean;
  masterArn: string;
}

export const TEMPLATE_LABELS: Record<TemplateId, string> = {
  "postgres-single-user": "PostgreSQL single user",
  "postgres-alternating-users": "PostgreSQL alternating users",
  "mysql-single-user": "MySQL or MariaDB single user",
  "mysql-alternating-users": "MySQL or MariaDB alternating users",
  generic: "Generic password",
  http: "HTTP endpoint",
};

export function templateLabel(template: string): string {
  return TEMPLATE_LABELS[template as TemplateId] ?? template;
}

export function initialDraft(current?: {
  enabled: boolean;
  functionArn?: string;
  schedule: ScheduleDraft;
  masterArn?: string;
}): RotationDraft {
  return {
    enabled: current?.enabled ?? false,
    schedule: current?.schedule ?? {
      mode: "builder",
      days: "30",
      expression: "",
      durationHours: "",
    },
    rotateImmediately: true,
    functionMode: "existing",
    functionArn: current?.functionArn ?? "",
    newFunctionName: "",
    newTemplate: "postgres-single-user",
    endpoint: "",
    useSeparateCredentials: !!current?.masterArn,
    masterArn: current?.masterArn ?? "",
  };
}

/** The template the draft's function runs, when known. */
export function draftTemplate(
  draft: RotationDraft,
  functions: RotationFunctionView[],
): TemplateId | undefined {
  if (draft.functionMode === "create") return draft.newTemplate;
  const fn = functions.find((f) => f.FunctionArn === draft.functionArn);
  return fn && fn.Template in TEMPLATES ? (fn.Template as TemplateId) : undefined;
}

export function usesMasterSecret(template: TemplateId | undefined): boolean {
  return !!template && TEMPLATES[template].strategy === "alternating-users";
}

/** The next five rotation dates, or the rules' error in AWS's words. */
export function schedulePreview(
  schedule: ScheduleDraft,
  now = new Date(),
): { dates: Date[] } | { error: string } {
  try {
    return { dates: nextRotationDates(rulesFromDraft(schedule), now, 5) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export type DraftErrors = Partial<
  Record<"schedule" | "function" | "functionName" | "endpoint" | "masterArn", string>
>;

export function draftErrors(draft: RotationDraft, functions: RotationFunctionView[]): DraftErrors {
  const errors: DraftErrors = {};
  if (!draft.enabled) return errors;
  const preview = schedulePreview(draft.schedule);
  if ("error" in preview) errors.schedule = preview.error;
  if (draft.functionMode === "existing" && !draft.functionArn) {
    errors.function = "Choose a rotation function.";
  }
  if (draft.functionMode === "create") {
    if (!/^[a-zA-Z0-9-_]{1,64}$/.test(draft.newFunctionName)) {
      errors.functionName =
        "Enter a function name of 1 to 64 letters, numbers, hyphens (-) and underscores (_).";
    }
    if (draft.newTemplate === "http" && !/^https?:\/\/\S+$/.test(draft.endpoint.trim())) {
      errors.endpoint = "Enter the endpoint's URL, starting with https:// or http://.";
    }
  }
  if (
    usesMasterSecret(draftTemplate(draft, functions)) &&
    draft.useSeparateCredentials &&
    !draft.masterArn
  ) {
    errors.masterArn = "Choose the master secret.";
  }
  return errors;
}

export function toSaveInput(
  secretId: string,
  draft: RotationDraft,
  functions: RotationFunctionView[],
): SaveRotationInput {
  if (!draft.enabled) {
    return { SecretId: secretId, AutomaticRotation: false, RotateImmediately: false };
  }
  const master =
    usesMasterSecret(draftTemplate(draft, functions)) && draft.useSeparateCredentials
      ? draft.masterArn
      : undefined;
  return {
    SecretId: secretId,
    AutomaticRotation: true,
    RotationRules: rulesFromDraft(draft.schedule),
    RotateImmediately: draft.rotateImmediately,
    RotationLambdaARN: draft.functionMode === "existing" ? draft.functionArn : undefined,
    NewFunction:
      draft.functionMode === "create"
        ? {
            FunctionName: draft.newFunctionName,
            Template: draft.newTemplate,
            Endpoint: draft.newTemplate === "http" ? draft.endpoint.trim() : undefined,
          }
        : undefined,
    MasterSecretArn: master || undefined,
  };
}

/** A short summary for review pages. */
export function scheduleSummary(schedule: ScheduleDraft): string {
  const base =
    schedule.mode === "builder"
      ? `Every ${schedule.days} ${schedule.days === "1" ? "day" : "days"}`
      : schedule.expression;
  return schedule.durationHours ? `${base}, window of ${schedule.durationHours}h` : base;
}
