"use client";
// The rotation configuration, as AWS's console asks for it: automatic rotation on or off, the
// schedule (builder or expression) with the next five rotation dates, the window, "Rotate
// immediately", the rotation function (existing, or created from a template) and, for the
// alternating-users templates, the master secret. Used by "Edit rotation" and by the create-secret
// wizard's "Configure rotation - optional" step.
import * as React from "react";
import { Alert } from "@/components/ui/alert";
import { Checkbox } from "@/components/ui/checkbox";
import { Container, ContainerHeader } from "@/components/ui/container";
import { Field, FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { RadioTiles } from "@/components/ui/radio-tiles";
import { Select } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { TEMPLATE_IDS, TEMPLATES, type TemplateId } from "@/lib/rotation/templates/catalog";
import { listFunctionsAction, masterSecretCandidatesAction } from "./actions";
import {
  type DraftErrors,
  type RotationDraft,
  TEMPLATE_LABELS,
  draftTemplate,
  schedulePreview,
  templateLabel,
  usesMasterSecret,
} from "./rotation-draft";
import type { RotationFunctionView, SecretRef } from "./types";

type Loadable<T> =
  | { state: "loading" }
  | { state: "ok"; data: T }
  | { state: "error"; code: string; message: string };

/** The rotation functions and the master-secret candidates the form offers. */
export function useRotationSources(excludeArn?: string, active = true) {
  const [functions, setFunctions] = React.useState<Loadable<RotationFunctionView[]>>({
    state: "loading",
  });
  const [candidates, setCandidates] = React.useState<Loadable<SecretRef[]>>({ state: "loading" });
  React.useEffect(() => {
    if (!active) return;
    let live = true;
    void listFunctionsAction().then((r) => {
      if (live) setFunctions(r.ok ? { state: "ok", data: r.data } : { state: "error", ...r });
    });
    void masterSecretCandidatesAction(excludeArn).then((r) => {
      if (live) setCandidates(r.ok ? { state: "ok", data: r.data } : { state: "error", ...r });
    });
    return () => {
      live = false;
    };
  }, [excludeArn, active]);
  return { functions, candidates };
}

const preview = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  weekday: "short",
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export function RotationConfigForm({
  idPrefix,
  draft,
  onChange,
  functions,
  candidates,
  errors,
  showErrors,
}: {
  idPrefix: string;
  draft: RotationDraft;
  onChange: (draft: RotationDraft) => void;
  functions: Loadable<RotationFunctionView[]>;
  candidates: Loadable<SecretRef[]>;
  errors: DraftErrors;
  /** Show the draft's problems (after a first attempt to save). */
  showErrors: boolean;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const set = (patch: Partial<RotationDraft>) => onChange({ ...draft, ...patch });
  const setSchedule = (patch: Partial<RotationDraft["schedule"]>) =>
    set({ schedule: { ...draft.schedule, ...patch } });
  const fnList = functions.state === "ok" ? functions.data : [];
  const template = draftTemplate(draft, fnList);
  const needsMaster = usesMasterSecret(template);
  const dates = schedulePreview(draft.schedule);
  const shown = (key: keyof DraftErrors) => (showErrors ? errors[key] : undefined);

  return (
    <div className="space-y-5">
      <Container
        header={
          <ContainerHeader
            level={3}
            title="Configure automatic rotation"
            description="Rotation replaces the secret's value on a schedule, using a rotation function."
          />
        }
      >
        <div className="flex items-center gap-3">
          <Switch
            id={id("enabled")}
            checked={draft.enabled}
            onCheckedChange={(enabled) => set({ enabled })}
          />
          <label htmlFor={id("enabled")} className="text-sm font-bold">
            Automatic rotation
          </label>
        </div>
      </Container>

      {draft.enabled ? (
        <>
          <Container header={<ContainerHeader level={3} title="Rotation schedule" />}>
            <div className="space-y-4">
              <RadioTiles
                aria-label="Rotation schedule"
                value={draft.schedule.mode}
                onValueChange={(mode) =>
                  setSchedule({ mode: mode as RotationDraft["schedule"]["mode"] })
                }
                tiles={[
                  {
                    value: "builder",
                    label: "Schedule expression builder",
                    description: "Rotate every so many days.",
                  },
                  {
                    value: "expression",
                    label: "Schedule expression",
                    description: "A rate() or cron() expression, in UTC.",
                  },
                ]}
              />
              {draft.schedule.mode === "builder" ? (
                <Field
                  id={id("days")}
                  label="Days"
                  description="The number of days between rotations (1 to 1000)."
                  className="max-w-xs"
                >
                  <Input
                    inputMode="numeric"
                    value={draft.schedule.days}
                    onChange={(e) => setSchedule({ days: e.target.value })}
                  />
                </Field>
              ) : (
                <Field
                  id={id("expression")}
                  label="Schedule expression"
                  description="For example rate(10 days), rate(4 hours) or cron(0 16 1,15 * ? *)."
                  className="max-w-md"
                >
                  <Input
                    spellCheck={false}
                    className="font-mono"
                    placeholder="rate(30 days)"
                    value={draft.schedule.expression}
                    onChange={(e) => setSchedule({ expression: e.target.value })}
                  />
                </Field>
              )}
              <Field
                id={id("duration")}
                label="Window duration"
                optional
                description="How long, in hours, the rotation window stays open: rotation starts within it."
                constraint="Whole hours from 1 to 24. Leave empty for the default: the rest of the UTC day for schedules in days, one hour for schedules in hours."
                className="max-w-xs"
              >
                <Input
                  inputMode="numeric"
                  placeholder="e.g. 3"
                  value={draft.schedule.durationHours}
                  onChange={(e) => setSchedule({ durationHours: e.target.value })}
                />
              </Field>
              <div aria-live="polite">
                {"error" in dates ? (
                  draft.schedule.mode === "expression" && !draft.schedule.expression.trim() ? (
                    <p className="text-sm text-muted-foreground">
                      Enter a schedule expression to see the next rotation dates.
                    </p>
                  ) : (
                    <FieldError>{dates.error}</FieldError>
                  )
                ) : (
                  <div>
                    <h4 id={id("next-dates")} className="text-sm font-bold">
                      Next five rotation dates (UTC)
                    </h4>
                    <ol aria-labelledby={id("next-dates")} className="mt-1 space-y-0.5 text-sm">
                      {dates.dates.map((d) => (
                        <li key={d.toISOString()}>{preview.format(d)}</li>
                      ))}
                    </ol>
                  </div>
                )}
              </div>
              <div className="flex items-start gap-2">
                <Checkbox
                  id={id("immediately")}
                  checked={draft.rotateImmediately}
                  onCheckedChange={(v) => set({ rotateImmediately: v === true })}
                  className="mt-0.5"
                  aria-describedby={id("immediately-help")}
                />
                <div>
                  <label htmlFor={id("immediately")} className="text-sm font-bold">
                    Rotate immediately when the secret is stored
                  </label>
                  <p id={id("immediately-help")} className="text-xs text-muted-foreground">
                    The next rotation will begin on your schedule.
                  </p>
                </div>
              </div>
            </div>
          </Container>

          <Container header={<ContainerHeader level={3} title="Rotation function" />}>
            <div className="space-y-4">
              <RadioTiles
                aria-label="Rotation function"
                value={draft.functionMode}
                onValueChange={(mode) =>
                  set({ functionMode: mode as RotationDraft["functionMode"] })
                }
                tiles={[
                  {
                    value: "existing",
                    label: "Choose a rotation function",
                    description: "A function you created before.",
                  },
                  {
                    value: "create",
                    label: "Create a rotation function",
                    description:
                      "From a template; its execution role and role policies are created with it.",
                  },
                ]}
              />
              {draft.functionMode === "existing" ? (
                functions.state === "error" ? (
                  <Alert type="error" header={functions.code}>
                    {functions.message}
                  </Alert>
                ) : functions.state === "ok" && functions.data.length === 0 ? (
                  <p className="text-sm text-muted-foreground">
                    No rotation functions yet: choose Create a rotation function.
                  </p>
                ) : (
                  <Field
                    id={id("function")}
                    label="Rotation function"
                    error={shown("function")}
                    className="max-w-xl"
                  >
                    <Select
                      value={draft.functionArn}
                      onValueChange={(functionArn) => set({ functionArn })}
                      placeholder={
                        functions.state === "loading" ? "Loading functions..." : "Choose a function"
                      }
                      options={fnList.map((f) => ({
                        value: f.FunctionArn,
                        label: `${f.FunctionName} (${templateLabel(f.Template)})`,
                      }))}
                    />
                  </Field>
                )
              ) : (
                <div className="grid gap-4 sm:grid-cols-2">
                  <Field
                    id={id("function-name")}
                    label="Function name"
                    constraint="1 to 64 letters, numbers, hyphens (-) and underscores (_)."
                    error={shown("functionName")}
                  >
                    <Input
                      spellCheck={false}
                      autoComplete="off"
                      placeholder="SecretsManagerMyRotation"
                      value={draft.newFunctionName}
                      onChange={(e) => set({ newFunctionName: e.target.value })}
                    />
                  </Field>
                  <Field
                    id={id("template")}
                    label="Template"
                    description={TEMPLATES[draft.newTemplate].description}
                  >
                    <Select
                      value={draft.newTemplate}
                      onValueChange={(t) => set({ newTemplate: t as TemplateId })}
                      options={TEMPLATE_IDS.map((t) => ({ value: t, label: TEMPLATE_LABELS[t] }))}
                    />
                  </Field>
                  {draft.newTemplate === "http" ? (
                    <Field
                      id={id("endpoint")}
                      label="Endpoint URL"
                      description="Strongbox sends each rotation step to it as a signed POST request."
                      error={shown("endpoint")}
                      className="sm:col-span-2"
                    >
                      <Input
                        type="url"
                        spellCheck={false}
                        placeholder="https://rotation.example.internal/rotate"
                        value={draft.endpoint}
                        onChange={(e) => set({ endpoint: e.target.value })}
                      />
                    </Field>
                  ) : null}
                </div>
              )}

              {needsMaster ? (
                <div className="space-y-3 border-t pt-4">
                  <div className="flex items-start gap-2">
                    <Checkbox
                      id={id("separate")}
                      checked={draft.useSeparateCredentials}
                      onCheckedChange={(v) => set({ useSeparateCredentials: v === true })}
                      className="mt-0.5"
                      aria-describedby={id("separate-help")}
                    />
                    <div>
                      <label htmlFor={id("separate")} className="text-sm font-bold">
                        Use separate credentials to rotate this secret
                      </label>
                      <p id={id("separate-help")} className="text-xs text-muted-foreground">
                        The function signs in with a master secret&apos;s credentials (a superuser)
                        to create and update the alternating user. Its ARN is stored in this
                        secret&apos;s value as masterarn.
                      </p>
                    </div>
                  </div>
                  {draft.useSeparateCredentials ? (
                    candidates.state === "error" ? (
                      <Alert type="error" header={candidates.code}>
                        {candidates.message}
                      </Alert>
                    ) : (
                      <Field
                        id={id("master")}
                        label="Master secret"
                        description="Only secrets whose value you are allowed to retrieve (secretsmanager:GetSecretValue) are offered."
                        error={shown("masterArn")}
                        className="max-w-xl"
                      >
                        <Select
                          value={draft.masterArn}
                          onValueChange={(masterArn) => set({ masterArn })}
                          placeholder={
                            candidates.state === "loading"
                              ? "Loading secrets..."
                              : candidates.data.length === 0
                                ? "No secret you can retrieve"
                                : "Choose the master secret"
                          }
                          options={
                            candidates.state === "ok"
                              ? candidates.data.map((s) => ({ value: s.ARN, label: s.Name }))
                              : []
                          }
                        />
                      </Field>
                    )
                  ) : null}
                </div>
              ) : null}
            </div>
          </Container>
        </>
      ) : null}
    </div>
  );
}
