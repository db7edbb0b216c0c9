"use client";
// "Review policy": name and description (for a new policy), what the policy grants, the
// validator's findings by kind; security warnings must be acknowledged before "Save changes",
// and the operation's refusal is shown here in AWS's words.
import * as React from "react";
import { ArrowLeft } from "lucide-react";
import type { PolicyKind } from "@/lib/iam";
import type { ValidatePolicyFinding } from "@/lib/iam/validate";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Container, ContainerHeader } from "@/components/ui/container";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { FindingIcon } from "../json/findings-panel";
import { FINDING_LABELS, FINDING_TYPES, countFindings, policySize } from "../model";
import { PolicySummaryView } from "./policy-summary-view";

export type SaveResult = { ok: true } | { ok: false; code: string; message: string };

export interface PolicyDetails {
  name: string;
  description: string;
}

const NAME = /^[\w+=,.@-]+$/;

export function nameProblem(name: string): string | undefined {
  if (name.trim() === "") return "Enter a policy name.";
  if (name.length > 128) return "The name can have up to 128 characters.";
  if (!NAME.test(name)) return "Use letters, digits and + = , . @ _ - only.";
  return undefined;
}

export function ReviewPolicy({
  idPrefix,
  text,
  kind,
  findings,
  maxCharacters,
  details,
  onBack,
  onSave,
  saveLabel = "Save changes",
  where,
  children,
}: {
  idPrefix: string;
  text: string;
  kind: PolicyKind;
  findings: ValidatePolicyFinding[];
  maxCharacters: number;
  /**
   * Present for a new policy: its name is asked for here, and its description unless
   * `description` is left out (inline policies have none).
   */
  details?: Partial<PolicyDetails>;
  onBack: () => void;
  onSave: (text: string, details: PolicyDetails) => Promise<SaveResult>;
  saveLabel?: string;
  where: (finding: ValidatePolicyFinding) => string;
  /** More of the step, above the buttons (a new policy's tags, a notice). */
  children?: React.ReactNode;
}) {
  const [name, setName] = React.useState(details?.name ?? "");
  const [description, setDescription] = React.useState(details?.description ?? "");
  const [acknowledged, setAcknowledged] = React.useState(false);
  const [pending, setPending] = React.useState(false);
  const [result, setResult] = React.useState<SaveResult>();
  const [showNameError, setShowNameError] = React.useState(false);
  const counts = countFindings(findings);
  const size = policySize(text);
  const nameError = details ? nameProblem(name) : undefined;
  const heading = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => heading.current?.focus(), []);

  const blocked =
    counts.ERROR > 0
      ? `Fix the ${counts.ERROR === 1 ? "error" : `${counts.ERROR} errors`} before saving.`
      : size > maxCharacters
        ? `The policy is over the ${maxCharacters.toLocaleString("en-US")}-character quota.`
        : counts.SECURITY_WARNING > 0 && !acknowledged
          ? "Acknowledge the security warnings before saving."
          : undefined;

  const save = async () => {
    if (nameError) {
      setShowNameError(true);
      return;
    }
    setPending(true);
    setResult(undefined);
    try {
      setResult(await onSave(text, { name: name.trim(), description }));
    } catch {
      setResult({
        ok: false,
        code: "InternalServiceError",
        message: "The policy could not be saved. Try again.",
      });
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="space-y-4">
      <h2 ref={heading} tabIndex={-1} className="text-xl font-bold outline-none">
        Review policy
      </h2>
      {details ? (
        <Container header={<ContainerHeader level={3} title="Policy details" />}>
          <div className="grid max-w-2xl gap-4">
            <Field
              id={`${idPrefix}-name`}
              label="Policy name"
              constraint="Up to 128 characters: letters, digits and + = , . @ _ -"
              error={showNameError ? nameError : undefined}
            >
              <Input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
            </Field>
            {details.description === undefined ? null : (
              <Field
                id={`${idPrefix}-description`}
                label="Description"
                optional
                constraint="Up to 1,000 characters."
              >
                <Textarea
                  value={description}
                  maxLength={1000}
                  rows={2}
                  onChange={(e) => setDescription(e.target.value)}
                />
              </Field>
            )}
          </div>
        </Container>
      ) : null}

      <Container header={<ContainerHeader level={3} title="Permissions defined in this policy" />}>
        <PolicySummaryView text={text} kind={kind} />
      </Container>

      <Container
        header={
          <ContainerHeader
            level={3}
            title="Policy validation"
            description={`${size.toLocaleString("en-US")} of ${maxCharacters.toLocaleString("en-US")} characters (whitespace not counted).`}
          />
        }
      >
        {findings.length === 0 ? (
          <p className="text-sm">No errors, security warnings, warnings or suggestions.</p>
        ) : (
          <div className="space-y-4">
            {FINDING_TYPES.map((type) => {
              const list = findings.filter((f) => f.findingType === type);
              if (list.length === 0) return null;
              return (
                <section key={type} aria-label={`${FINDING_LABELS[type].many} (${list.length})`}>
                  <h4 className="flex items-center gap-1.5 text-sm font-bold">
                    <FindingIcon type={type} />
                    {FINDING_LABELS[type].many} ({list.length})
                  </h4>
                  <ul className="mt-1 space-y-1 text-sm">
                    {list.map((f, i) => (
                      <li key={i} className="flex gap-2 rounded-md bg-muted/60 px-3 py-1.5">
                        <span className="w-32 shrink-0 text-xs font-bold text-muted-foreground">
                          {where(f)}
                        </span>
                        <span className="min-w-0">
                          {f.findingDetails}
                          {f.fix ? (
                            <span className="text-muted-foreground"> {f.fix}</span>
                          ) : null}{" "}
                          <a
                            href={f.learnMoreLink}
                            target="_blank"
                            rel="noreferrer"
                            className="font-bold text-link hover:underline"
                          >
                            Learn more
                          </a>
                        </span>
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
          </div>
        )}
        {counts.SECURITY_WARNING > 0 ? (
          <label className="mt-4 flex items-start gap-2 rounded-lg border-2 border-warning-border bg-warning-soft px-3 py-2 text-sm">
            <Checkbox
              checked={acknowledged}
              onCheckedChange={(c) => setAcknowledged(c === true)}
              className="mt-0.5"
            />
            <span>
              <span className="font-bold">I acknowledge the security warnings</span> and want to
              save this policy as it is.
            </span>
          </label>
        ) : null}
      </Container>

      {children}

      {result && !result.ok ? (
        <Alert type="error" role="alert" header={result.code}>
          {result.message}
        </Alert>
      ) : null}
      {result?.ok ? <Alert type="success" header="Changes saved" /> : null}

      <div className="flex flex-wrap items-center justify-end gap-2">
        <Button variant="ghost" onClick={onBack} disabled={pending}>
          <ArrowLeft aria-hidden />
          Previous
        </Button>
        <DisabledReason reason={blocked}>
          <Button variant="primary" onClick={save} loading={pending}>
            {saveLabel}
          </Button>
        </DisabledReason>
      </div>
    </div>
  );
}
