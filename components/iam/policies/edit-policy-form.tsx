"use client";
// Edit a customer managed policy with the policy editor: "Review policy", then "Save changes"
// saves the document as a new version, which becomes the default version.
import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { POLICY_SIZE_LIMITS } from "@/components/policy-editor/model";
import type { PolicyEditorPageContext } from "@/components/policy-editor/page-context";
import { PolicyEditor, type SaveResult } from "@/components/policy-editor/policy-editor";
import { Alert } from "@/components/ui/alert";
import { pretty } from "../format";
import { policyHref } from "../paths";
import { useInvalidatePolicies } from "../use-policies";
import { createPolicyVersionAction } from "./actions";

export function EditPolicyForm({
  arn,
  name,
  document: initial,
  versionCount,
  editor,
}: {
  arn: string;
  name: string;
  document: string;
  versionCount: number;
  editor: PolicyEditorPageContext;
}) {
  const router = useRouter();
  const invalidatePolicies = useInvalidatePolicies();
  const [document, setDocument] = React.useState(() => pretty(initial));

  const save = async (text: string): Promise<SaveResult> => {
    const result = await createPolicyVersionAction(arn, text);
    if (!result.ok) return result;
    void invalidatePolicies();
    toast.success(`Policy ${name} updated: ${result.data.VersionId} is the default version.`);
    router.push(policyHref(arn));
    router.refresh();
    return { ok: true };
  };

  return (
    <div className="space-y-4">
      <h1 className="text-2xl leading-8 font-bold break-all">Modify permissions in {name}</h1>
      <PolicyEditor
        value={document}
        onChange={setDocument}
        kind="identity"
        maxCharacters={POLICY_SIZE_LIMITS.managedPolicy}
        label={`Policy editor: ${name}`}
        catalogSnapshot={editor.catalogSnapshot}
        accountId={editor.accountId}
        region={editor.region}
        onSave={save}
        onCancel={() => router.push(policyHref(arn))}
        review={
          versionCount >= 5 ? (
            <Alert type="warning" header="This policy has 5 versions">
              A managed policy keeps at most five versions. Delete a version on the Policy versions
              tab before you save this one.
            </Alert>
          ) : (
            <Alert type="info">
              The changes are saved as a new version, which becomes the default version: every user,
              group and role the policy is attached to gets the new permissions at once.
            </Alert>
          )
        }
      />
    </div>
  );
}
