"use client";
// Writes an inline policy with the policy editor (visual, JSON, summary), then "Review policy"
// (name and what it grants), then "Save changes" (or "Create policy" for a new one) — the seed's
// steps for editing a rotation role's SecretsManager<Template>1 policy.
import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { POLICY_SIZE_LIMITS } from "@/components/policy-editor/model";
import type { PolicyEditorPageContext } from "@/components/policy-editor/page-context";
import { PolicyEditor, type SaveResult } from "@/components/policy-editor/policy-editor";
import { putInlinePolicyAction } from "./actions";
import { pretty } from "./format";
import { ENTITY_TITLE, entityHref } from "./paths";
import { NEW_POLICY_TEMPLATE } from "./policies/policy-template";
import type { EntityKind } from "./types";

/** IAM's quotas for inline policies, in characters not counting whitespace. */
const INLINE_LIMIT: Record<EntityKind, number> = {
  user: POLICY_SIZE_LIMITS.userInline,
  group: POLICY_SIZE_LIMITS.groupInline,
  role: POLICY_SIZE_LIMITS.roleInline,
};

export function InlinePolicyEditor({
  kind,
  entityName,
  policyName,
  document: initial,
  existingNames,
  editor,
}: {
  kind: EntityKind;
  entityName: string;
  /** Set when editing an existing inline policy. */
  policyName?: string;
  document?: string;
  existingNames: string[];
  editor: PolicyEditorPageContext;
}) {
  const router = useRouter();
  const [document, setDocument] = React.useState(() =>
    initial ? pretty(initial) : NEW_POLICY_TEMPLATE,
  );
  const editing = policyName !== undefined;
  const back = `${entityHref(kind, entityName)}?tab=permissions`;
  const entity = ENTITY_TITLE[kind].toLowerCase();

  const save = async (text: string, details: { name: string }): Promise<SaveResult> => {
    const name = editing ? policyName : details.name;
    if (!editing && existingNames.includes(name)) {
      return {
        ok: false,
        code: "EntityAlreadyExists",
        message: `The ${entity} already has an inline policy named ${name}. Choose another name.`,
      };
    }
    const result = await putInlinePolicyAction(kind, entityName, name, text);
    if (!result.ok) return result;
    toast.success(
      editing ? `Policy ${name} updated.` : `Policy ${name} created for ${entityName}.`,
    );
    router.push(back);
    router.refresh();
    return { ok: true };
  };

  return (
    <div className="space-y-4">
      <h1 className="text-2xl leading-8 font-bold break-all">
        {editing ? `Modify permissions in ${policyName}` : "Create inline policy"}
      </h1>
      <p className="text-sm text-muted-foreground">
        An inline policy belongs to the {entity}{" "}
        <span className="font-bold text-foreground">{entityName}</span> alone and is deleted with
        it. Add permissions in the visual editor, or write the policy in JSON.
      </p>
      <PolicyEditor
        value={document}
        onChange={setDocument}
        kind="identity"
        maxCharacters={INLINE_LIMIT[kind]}
        label={editing ? `Policy editor: ${policyName}` : "Policy editor"}
        catalogSnapshot={editor.catalogSnapshot}
        accountId={editor.accountId}
        region={editor.region}
        newPolicy={editing ? undefined : { name: "" }}
        saveLabel={editing ? "Save changes" : "Create policy"}
        onSave={save}
        onCancel={() => router.push(back)}
      />
    </div>
  );
}
