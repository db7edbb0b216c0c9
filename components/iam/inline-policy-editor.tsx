"use client";
// Writes an inline policy: the JSON editor, then "Review policy" (name and what it grants), then
// "Save changes" (or "Create policy" for a new one) — the seed's steps for editing a rotation
// role's SecretsManager<Template>1 policy.
import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useAction } from "@/components/actions/use-action";
import { PolicyJsonEditor, usePolicyProblems } from "@/components/policy-editor/policy-json-editor";
import { Container, ContainerHeader, KeyValue } from "@/components/ui/container";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { putInlinePolicyAction } from "./actions";
import { ErrorAlert } from "./error-alert";
import { pretty } from "./format";
import { ENTITY_TITLE, entityHref } from "./paths";
import { NEW_POLICY_TEMPLATE } from "./policies/policy-template";
import { SummaryPanel } from "./summary-panel";
import type { EntityKind } from "./types";
import { Wizard } from "./wizard";

const NAME = /^[\w+=,.@-]{1,128}$/;

export function InlinePolicyEditor({
  kind,
  entityName,
  policyName,
  document: initial,
  existingNames,
}: {
  kind: EntityKind;
  entityName: string;
  /** Set when editing an existing inline policy. */
  policyName?: string;
  document?: string;
  existingNames: string[];
}) {
  const router = useRouter();
  const [step, setStep] = React.useState(0);
  const [document, setDocument] = React.useState(() =>
    initial ? pretty(initial) : NEW_POLICY_TEMPLATE,
  );
  const [name, setName] = React.useState(policyName ?? "");
  const [showErrors, setShowErrors] = React.useState(false);
  const problems = usePolicyProblems(document, "identity");
  const action = useAction();
  const editing = policyName !== undefined;
  const nameError = editing
    ? undefined
    : !name
      ? "Enter a policy name."
      : !NAME.test(name)
        ? "Use up to 128 letters, digits and +=,.@-_ characters."
        : existingNames.includes(name)
          ? `The ${ENTITY_TITLE[kind].toLowerCase()} already has an inline policy named ${name}.`
          : undefined;
  const back = `${entityHref(kind, entityName)}?tab=permissions`;

  return (
    <Wizard
      steps={[
        {
          title: "Specify permissions",
          heading: editing ? `Modify permissions in ${policyName}` : "Specify permissions",
        },
        { title: "Review policy" },
      ]}
      step={step}
      onStep={setStep}
      cancelHref={back}
      nextLabel="Review policy"
      finishLabel={editing ? "Save changes" : "Create policy"}
      finishing={action.pending}
      onNext={async () => {
        setShowErrors(true);
        if (step === 0) {
          if (problems.length > 0) return false;
          setShowErrors(false);
          return true;
        }
        if (nameError) return false;
        const result = await action.run(
          () => putInlinePolicyAction(kind, entityName, name, document),
          { refresh: false },
        );
        if (!result.ok) {
          if (result.error.code === "MalformedPolicyDocument") setStep(0);
          return false;
        }
        toast.success(
          editing ? `Policy ${name} updated.` : `Policy ${name} created for ${entityName}.`,
        );
        router.push(back);
        router.refresh();
        return true;
      }}
    >
      {step === 0 ? (
        <>
          <p className="text-sm text-muted-foreground">
            An inline policy belongs to the {ENTITY_TITLE[kind].toLowerCase()}{" "}
            <span className="font-bold text-foreground">{entityName}</span> alone and is deleted
            with it.
          </p>
          <PolicyJsonEditor
            value={document}
            onChange={setDocument}
            kind="identity"
            serverError={
              action.error?.code === "MalformedPolicyDocument" ? action.error.message : undefined
            }
          />
          {showErrors && problems.length > 0 ? (
            <p className="text-sm font-bold text-destructive">
              Fix the errors in the policy before you continue.
            </p>
          ) : null}
        </>
      ) : (
        <>
          <Container header={<ContainerHeader title="Policy details" />}>
            {editing ? (
              <dl className="grid gap-4 sm:grid-cols-2">
                <KeyValue label="Policy name">{policyName}</KeyValue>
                <KeyValue label={ENTITY_TITLE[kind]}>{entityName}</KeyValue>
              </dl>
            ) : (
              <Field
                id="inline-policy-name"
                label="Policy name"
                description="Enter a meaningful name to identify this policy."
                constraint="Maximum 128 characters. Use alphanumeric and '+=,.@-_' characters."
                error={showErrors ? nameError : undefined}
                className="max-w-xl"
              >
                <Input
                  autoComplete="off"
                  spellCheck={false}
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                />
              </Field>
            )}
          </Container>
          <SummaryPanel document={document} />
          {action.error && action.error.code !== "MalformedPolicyDocument" ? (
            <ErrorAlert error={action.error} />
          ) : null}
        </>
      )}
    </Wizard>
  );
}
