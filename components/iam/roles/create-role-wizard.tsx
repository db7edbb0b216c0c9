"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Cloud, FileJson, UserRound } from "lucide-react";
import { useAction } from "@/components/actions/use-action";
import type { PolicyEditorPageContext } from "@/components/policy-editor/page-context";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";
import type { ValidatePolicyFinding } from "@/lib/iam/validate";
import { type TagRow, rowsToTags, tagRowErrors } from "@/components/secrets/tags-model";
import { Checkbox } from "@/components/ui/checkbox";
import { Container, ContainerHeader, KeyValue } from "@/components/ui/container";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { RadioTiles } from "@/components/ui/radio-tiles";
import { Select } from "@/components/ui/select";
import { BoundaryChoice, useBoundaryChoice } from "../boundary/boundary-choice";
import { ErrorAlert } from "../error-alert";
import { policyNameFromArn, roleHref } from "../paths";
import { PolicyDocumentView } from "../policy-document";
import { PolicyPicker } from "../policy-picker";
import { useAdjustAttachmentCounts, useInvalidatePolicies } from "../use-policies";
import { Wizard, WizardTags, attachedCounts, useStepErrors } from "../wizard";
import { createRoleAction } from "./actions";
import { SERVICES, type TrustedEntityType, trustPolicyFor } from "./trust";

const NAME = /^[\w+=,.@-]{1,64}$/;

export function CreateRoleWizard({
  accountId,
  editor,
}: {
  accountId: string;
  editor: PolicyEditorPageContext;
}) {
  const router = useRouter();
  const adjustCounts = useAdjustAttachmentCounts();
  const invalidatePolicies = useInvalidatePolicies();
  const [step, setStep] = React.useState(0);
  const [type, setType] = React.useState<TrustedEntityType>("service");
  const [service, setService] = React.useState<string>(SERVICES[0].value);
  const [accountChoice, setAccountChoice] = React.useState<"this" | "other">("this");
  const [otherAccount, setOtherAccount] = React.useState("");
  const [custom, setCustom] = React.useState(() => trustPolicyFor("service", SERVICES[0].value));
  const [policies, setPolicies] = React.useState<string[]>([]);
  const boundary = useBoundaryChoice();
  const [name, setName] = React.useState("");
  const [description, setDescription] = React.useState("");
  const [tags, setTags] = React.useState<TagRow[]>([]);
  const { showErrors, passes } = useStepErrors();
  const [findings, setFindings] = React.useState<ValidatePolicyFinding[]>([]);
  const [acknowledged, setAcknowledged] = React.useState(false);
  const customErrors = findings.filter((f) => f.findingType === "ERROR").length;
  const customWarnings = findings.filter((f) => f.findingType === "SECURITY_WARNING").length;
  const customBlocked =
    type === "custom" && (customErrors > 0 || (customWarnings > 0 && !acknowledged));
  const action = useAction();

  const account = accountChoice === "this" ? accountId : otherAccount.trim();
  const accountError =
    type === "account" && accountChoice === "other" && !/^\d{12}$/.test(account)
      ? "Enter a 12-digit account ID."
      : undefined;
  const trust =
    type === "custom"
      ? custom
      : type === "service"
        ? trustPolicyFor("service", service)
        : trustPolicyFor("account", account);
  const nameError = !name
    ? "Enter a role name."
    : !NAME.test(name)
      ? "Use up to 64 letters, digits and +=,.@-_ characters."
      : undefined;
  const boundaryToSet = boundary.arn;
  const serverNameError =
    action.error?.code === "EntityAlreadyExists" || action.error?.field === "RoleName"
      ? action.error.message
      : undefined;

  return (
    <Wizard
      steps={[
        { title: "Select trusted entity" },
        { title: "Add permissions" },
        { title: "Name, review, and create" },
      ]}
      step={step}
      onStep={setStep}
      cancelHref="/iam/roles"
      finishLabel="Create role"
      finishing={action.pending}
      onNext={async () => {
        if (step === 0) return passes(accountError, customBlocked);
        if (step === 1) return passes(boundary.error);
        if (!passes(nameError, Object.keys(tagRowErrors(tags)).length > 0)) return false;
        const result = await action.run(
          () =>
            createRoleAction({
              RoleName: name,
              Description: description || undefined,
              AssumeRolePolicyDocument: trust,
              PolicyArns: policies,
              PermissionsBoundary: boundaryToSet,
              Tags: rowsToTags(tags),
            }),
          { refresh: false },
        );
        if (!result.ok) {
          if (result.error.code === "MalformedPolicyDocument") setStep(0);
          return false;
        }
        adjustCounts(attachedCounts(policies, result.data.failed));
        if (boundaryToSet) void invalidatePolicies();
        const failed = result.data.failed;
        if (failed.length > 0) {
          toast.warning(`Role ${name} created, but some policies were not attached.`, {
            description: failed.map((f) => `${policyNameFromArn(f.item)}: ${f.message}`).join("\n"),
          });
        } else {
          toast.success(`Role ${name} created.`);
        }
        router.push(roleHref(result.data.RoleName));
        return true;
      }}
    >
      {step === 0 ? (
        <>
          <Container header={<ContainerHeader title="Trusted entity type" />}>
            <RadioTiles
              aria-label="Trusted entity type"
              columns={3}
              value={type}
              onValueChange={(v) => {
                const next = v as TrustedEntityType;
                if (next === "custom" && type !== "custom") setCustom(trust);
                setType(next);
              }}
              tiles={[
                {
                  value: "service",
                  label: "AWS service",
                  icon: <Cloud className="size-4 text-muted-foreground" aria-hidden />,
                  description: "Allow a service such as Lambda to act in this account.",
                },
                {
                  value: "account",
                  label: "AWS account",
                  icon: <UserRound className="size-4 text-muted-foreground" aria-hidden />,
                  description: "Allow principals of this or another account to assume the role.",
                },
                {
                  value: "custom",
                  label: "Custom trust policy",
                  icon: <FileJson className="size-4 text-muted-foreground" aria-hidden />,
                  description: "Write a trust policy that decides who may assume the role.",
                },
              ]}
            />
          </Container>
          {type === "service" ? (
            <Container header={<ContainerHeader title="Use case" />}>
              <Field
                id="trusted-service"
                label="Service"
                description="The service that assumes the role, as its service principal."
                className="max-w-md"
              >
                <Select
                  value={service}
                  onValueChange={setService}
                  options={SERVICES.map((s) => ({
                    value: s.value,
                    label: `${s.label} (${s.value})`,
                    description: s.description,
                  }))}
                />
              </Field>
            </Container>
          ) : type === "account" ? (
            <Container header={<ContainerHeader title="An AWS account" />}>
              <div className="max-w-xl space-y-3">
                <RadioTiles
                  aria-label="Account"
                  value={accountChoice}
                  onValueChange={(v) => setAccountChoice(v as "this" | "other")}
                  tiles={[
                    { value: "this", label: "This account", description: accountId },
                    {
                      value: "other",
                      label: "Another AWS account",
                      description: "Principals of that account may assume the role.",
                    },
                  ]}
                />
                {accountChoice === "other" ? (
                  <Field
                    id="other-account"
                    label="Account ID"
                    constraint="12 digits."
                    error={showErrors ? accountError : undefined}
                  >
                    <Input
                      inputMode="numeric"
                      value={otherAccount}
                      onChange={(e) => setOtherAccount(e.target.value)}
                    />
                  </Field>
                ) : null}
              </div>
            </Container>
          ) : (
            <>
              <PolicyEditor
                id="custom-trust-policy"
                label="Custom trust policy"
                value={custom}
                onChange={setCustom}
                kind="trust"
                initialTab="json"
                catalogSnapshot={editor.catalogSnapshot}
                accountId={editor.accountId}
                region={editor.region}
                onFindings={setFindings}
                serverError={
                  action.error?.code === "MalformedPolicyDocument"
                    ? action.error.message
                    : undefined
                }
              />
              {customWarnings > 0 ? (
                <label className="flex items-start gap-2 rounded-lg border-2 border-warning-border bg-warning-soft px-3 py-2 text-sm">
                  <Checkbox
                    checked={acknowledged}
                    onCheckedChange={(c) => setAcknowledged(c === true)}
                    className="mt-0.5"
                  />
                  <span>
                    <span className="font-bold">I acknowledge the security warnings</span> and want
                    to use this trust policy as it is.
                  </span>
                </label>
              ) : null}
              {showErrors && customBlocked ? (
                <p className="text-sm font-bold text-destructive" role="alert">
                  {customErrors > 0
                    ? "Fix the errors in the trust policy before you continue."
                    : "Acknowledge the security warnings before you continue."}
                </p>
              ) : null}
            </>
          )}
        </>
      ) : step === 1 ? (
        <>
          <PolicyPicker selected={policies} onChange={setPolicies} />
          <BoundaryChoice noun="role" choice={boundary} showErrors={showErrors} />
        </>
      ) : (
        <>
          <Container header={<ContainerHeader title="Role details" />}>
            <div className="max-w-2xl space-y-4">
              <Field
                id="role-name"
                label="Role name"
                description="Enter a meaningful name to identify this role."
                constraint="Maximum 64 characters. Use alphanumeric and '+=,.@-_' characters."
                error={(showErrors ? nameError : undefined) ?? serverNameError}
              >
                <Input
                  autoComplete="off"
                  spellCheck={false}
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                />
              </Field>
              <Field
                id="role-description"
                label="Description"
                optional
                constraint="Maximum 1000 characters."
              >
                <Textarea
                  rows={2}
                  value={description}
                  onChange={(e) => setDescription(e.target.value)}
                />
              </Field>
            </div>
          </Container>
          <Container header={<ContainerHeader title="Step 1: Select trusted entities" />}>
            <PolicyDocumentView document={trust} label="Trust" />
          </Container>
          <Container
            header={<ContainerHeader title="Step 2: Add permissions" counter={policies.length} />}
          >
            {policies.length === 0 ? (
              <p className="text-sm text-muted-foreground">
                No policies: the role has no permissions until you add some.
              </p>
            ) : (
              <dl className="grid gap-3 sm:grid-cols-2">
                {policies.map((arn) => (
                  <KeyValue key={arn} label={policyNameFromArn(arn)}>
                    <span className="font-mono text-[13px] break-all">{arn}</span>
                  </KeyValue>
                ))}
              </dl>
            )}
            {boundaryToSet ? (
              <dl className="mt-4 border-t pt-4">
                <KeyValue label="Permissions boundary">
                  <span className="font-bold">{policyNameFromArn(boundaryToSet)}</span>{" "}
                  <span className="font-mono text-[13px] break-all">{boundaryToSet}</span>
                </KeyValue>
              </dl>
            ) : null}
          </Container>
          <WizardTags rows={tags} onChange={setTags} showErrors={showErrors} />
          {action.error && !serverNameError ? <ErrorAlert error={action.error} /> : null}
        </>
      )}
    </Wizard>
  );
}
