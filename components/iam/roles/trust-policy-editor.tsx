"use client";
// Edit a role's trust policy with the policy editor (kind "trust": principals, no Resource), then
// "Review policy" → "Save changes". A principal "*" is a security warning the reviewer must
// acknowledge.
import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { PolicyEditorPageContext } from "@/components/policy-editor/page-context";
import { PolicyEditor, type SaveResult } from "@/components/policy-editor/policy-editor";
import { PageHeader } from "@/components/ui/page-header";
import { pretty } from "../format";
import { roleHref } from "../paths";
import { updateTrustPolicyAction } from "./actions";

export function TrustPolicyEditor({
  roleName,
  document,
  editor,
}: {
  roleName: string;
  document: string;
  editor: PolicyEditorPageContext;
}) {
  const router = useRouter();
  const [text, setText] = React.useState(() => pretty(document));
  const back = `${roleHref(roleName)}?tab=trust`;

  const save = async (next: string): Promise<SaveResult> => {
    const result = await updateTrustPolicyAction(roleName, next);
    if (!result.ok) return result;
    toast.success(`The trust policy of ${roleName} was updated.`);
    router.push(back);
    router.refresh();
    return { ok: true };
  };

  return (
    <div className="space-y-5">
      <PageHeader
        title="Edit trust policy"
        description={
          <>
            The trust policy decides who may assume <span className="font-bold">{roleName}</span>.
            Principals it names also need sts:AssumeRole in their own policies.
          </>
        }
      />
      <PolicyEditor
        id="trust-policy"
        label="Trust policy"
        value={text}
        onChange={setText}
        kind="trust"
        catalogSnapshot={editor.catalogSnapshot}
        accountId={editor.accountId}
        region={editor.region}
        onSave={save}
        onCancel={() => router.push(back)}
      />
    </div>
  );
}
