"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useAction } from "@/components/actions/use-action";
import { PolicyJsonEditor, usePolicyProblems } from "@/components/policy-editor/policy-json-editor";
import { Alert } from "@/components/ui/alert";
import { ErrorAlert } from "../error-alert";
import { pretty } from "../format";
import { policyHref } from "../paths";
import { SummaryPanel } from "../summary-panel";
import { useInvalidatePolicies } from "../use-policies";
import { Wizard } from "../wizard";
import { createPolicyVersionAction } from "./actions";

/** Edit a customer managed policy: the change is saved as a new default version. */
export function EditPolicyForm({
  arn,
  name,
  document: initial,
  versionCount,
}: {
  arn: string;
  name: string;
  document: string;
  versionCount: number;
}) {
  const router = useRouter();
  const invalidatePolicies = useInvalidatePolicies();
  const [step, setStep] = React.useState(0);
  const [document, setDocument] = React.useState(() => pretty(initial));
  const [showDocErrors, setShowDocErrors] = React.useState(false);
  const problems = usePolicyProblems(document, "identity");
  const action = useAction();
  return (
    <Wizard
      steps={[
        { title: "Modify permissions", heading: `Modify permissions in ${name}` },
        { title: "Review and save" },
      ]}
      step={step}
      onStep={setStep}
      cancelHref={policyHref(arn)}
      finishLabel="Save changes"
      finishing={action.pending}
      onNext={async () => {
        if (step === 0) {
          setShowDocErrors(true);
          return problems.length === 0;
        }
        const result = await action.run(() => createPolicyVersionAction(arn, document), {
          refresh: false,
        });
        if (!result.ok) return false;
        void invalidatePolicies();
        toast.success(`Policy ${name} updated: ${result.data.VersionId} is the default version.`);
        router.push(policyHref(arn));
        router.refresh();
        return true;
      }}
    >
      {step === 0 ? (
        <>
          <PolicyJsonEditor value={document} onChange={setDocument} kind="identity" />
          {showDocErrors && problems.length > 0 ? (
            <p className="text-sm font-bold text-destructive">
              Fix the errors in the policy before you continue.
            </p>
          ) : null}
        </>
      ) : (
        <>
          {versionCount >= 5 ? (
            <Alert type="warning" header="This policy has 5 versions">
              A managed policy keeps at most five versions. Delete a version on the Policy versions
              tab before you save this one.
            </Alert>
          ) : (
            <Alert type="info">
              The changes are saved as a new version, which becomes the default version: every user,
              group and role the policy is attached to gets the new permissions at once.
            </Alert>
          )}
          <SummaryPanel document={document} />
          <ErrorAlert error={action.error} />
        </>
      )}
    </Wizard>
  );
}
