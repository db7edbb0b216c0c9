"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useAction } from "@/components/actions/use-action";
import { PolicyJsonEditor, usePolicyProblems } from "@/components/policy-editor/policy-json-editor";
import { TagsEditor } from "@/components/secrets/tags-editor";
import { type TagRow, rowsToTags, tagRowErrors } from "@/components/secrets/tags-model";
import { Container, ContainerHeader } from "@/components/ui/container";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { ErrorAlert } from "../error-alert";
import { policyHref } from "../paths";
import { SummaryPanel } from "../summary-panel";
import { useInvalidatePolicies } from "../use-policies";
import { Wizard } from "../wizard";
import { createPolicyAction } from "./actions";
import { NEW_POLICY_TEMPLATE } from "./policy-template";

const NAME = /^[\w+=,.@-]{1,128}$/;

export function CreatePolicyWizard() {
  const router = useRouter();
  const invalidatePolicies = useInvalidatePolicies();
  const [step, setStep] = React.useState(0);
  const [document, setDocument] = React.useState(NEW_POLICY_TEMPLATE);
  const [name, setName] = React.useState("");
  const [description, setDescription] = React.useState("");
  const [tags, setTags] = React.useState<TagRow[]>([]);
  const [showErrors, setShowErrors] = React.useState(false);
  const [showDocErrors, setShowDocErrors] = React.useState(false);
  const problems = usePolicyProblems(document, "identity");
  const action = useAction();
  const nameError = !name
    ? "Enter a policy name."
    : !NAME.test(name)
      ? "Use up to 128 letters, digits and +=,.@-_ characters."
      : undefined;
  const serverField = action.error?.field?.toLowerCase();

  return (
    <Wizard
      steps={[{ title: "Specify permissions" }, { title: "Review and create" }]}
      step={step}
      onStep={setStep}
      cancelHref="/iam/policies"
      finishLabel="Create policy"
      finishing={action.pending}
      onNext={async () => {
        if (step === 0) {
          setShowDocErrors(true);
          return problems.length === 0;
        }
        setShowErrors(true);
        if (nameError || Object.keys(tagRowErrors(tags)).length > 0) return false;
        const result = await action.run(
          () =>
            createPolicyAction({
              PolicyName: name,
              Description: description || undefined,
              PolicyDocument: document,
              Tags: rowsToTags(tags),
            }),
          { refresh: false },
        );
        if (!result.ok) {
          if (result.error.code === "MalformedPolicyDocument") setStep(0);
          return false;
        }
        void invalidatePolicies();
        toast.success(`Policy ${name} created.`);
        router.push(policyHref(result.data.Arn));
        return true;
      }}
    >
      {step === 0 ? (
        <>
          <p className="text-sm text-muted-foreground">
            Add permissions by writing statements in JSON. Each statement allows or denies actions
            on resources, optionally under conditions.
          </p>
          <PolicyJsonEditor
            value={document}
            onChange={setDocument}
            kind="identity"
            serverError={
              action.error?.code === "MalformedPolicyDocument" ? action.error.message : undefined
            }
          />
          {showDocErrors && problems.length > 0 ? (
            <p className="text-sm font-bold text-destructive">
              Fix the errors in the policy before you continue.
            </p>
          ) : null}
        </>
      ) : (
        <>
          <Container header={<ContainerHeader title="Policy details" />}>
            <div className="max-w-2xl space-y-4">
              <Field
                id="policy-name"
                label="Policy name"
                description="Enter a meaningful name to identify this policy."
                constraint="Maximum 128 characters. Use alphanumeric and '+=,.@-_' characters."
                error={
                  showErrors && nameError
                    ? nameError
                    : serverField?.includes("name") || action.error?.code === "EntityAlreadyExists"
                      ? action.error?.message
                      : undefined
                }
              >
                <Input
                  autoComplete="off"
                  spellCheck={false}
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                />
              </Field>
              <Field
                id="policy-description"
                label="Description"
                optional
                constraint="Maximum 1,000 characters."
              >
                <Textarea
                  rows={3}
                  value={description}
                  onChange={(e) => setDescription(e.target.value)}
                />
              </Field>
            </div>
          </Container>
          <SummaryPanel document={document} />
          <Container
            header={
              <ContainerHeader
                title={
                  <>
                    Add tags{" "}
                    <span className="text-base font-normal italic text-muted-foreground">
                      - optional
                    </span>
                  </>
                }
              />
            }
          >
            <TagsEditor rows={tags} onChange={setTags} showErrors={showErrors} />
          </Container>
          {action.error &&
          action.error.code !== "EntityAlreadyExists" &&
          !serverField?.includes("name") ? (
            <ErrorAlert error={action.error} />
          ) : null}
        </>
      )}
    </Wizard>
  );
}
