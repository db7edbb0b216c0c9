import { notFound } from "next/navigation";
import { load } from "@/components/actions/load";
import { policyEditorPageContext } from "@/components/policy-editor/page-context";
import { Breadcrumbs } from "@/components/ui/page-header";
import { getCaller } from "@/lib/auth/session";
import { getInline, listInlineNames } from "./entity-ops";
import { ErrorAlert } from "./error-alert";
import { InlinePolicyEditor } from "./inline-policy-editor";
import { decodeNameSegment, entityHref } from "./paths";
import { documentText } from "./serialize";
import type { EntityKind } from "./types";

const SECTION: Record<EntityKind, { label: string; href: string }> = {
  user: { label: "Users", href: "/iam/users" },
  group: { label: "User groups", href: "/iam/groups" },
  role: { label: "Roles", href: "/iam/roles" },
};

/** Create or edit an inline policy of a user, group or role (`?policy=NAME` edits that one). */
export async function InlinePolicyPage({
  kind,
  name: segment,
  policy,
}: {
  kind: EntityKind;
  name: string;
  policy?: string;
}) {
  const name = decodeNameSegment(segment);
  const caller = await getCaller();
  const loaded = await load(async () => {
    if (policy)
      return { document: documentText(await getInline(caller, kind, name, policy)), existing: [] };
    return { document: undefined, existing: await listInlineNames(caller, kind, name) };
  });
  if (!loaded.ok && loaded.code === "NoSuchEntity" && !policy) notFound();
  const editor = await policyEditorPageContext(
    loaded.ok && loaded.data.document ? [loaded.data.document] : [],
  );
  return (
    <div className="space-y-5">
      <Breadcrumbs
        items={[
          { label: "IAM", href: "/iam/users" },
          SECTION[kind],
          { label: name, href: entityHref(kind, name) },
          { label: policy ? `Edit ${policy}` : "Create inline policy" },
        ]}
      />
      {loaded.ok ? (
        <InlinePolicyEditor
          kind={kind}
          entityName={name}
          policyName={policy}
          document={loaded.data.document}
          existingNames={loaded.data.existing}
          editor={editor}
        />
      ) : (
        <>
          <h1 className="text-2xl leading-8 font-bold">{policy ?? "Create inline policy"}</h1>
          <ErrorAlert error={loaded} />
        </>
      )}
    </div>
  );
}
