import { notFound } from "next/navigation";
import { load } from "@/components/actions/load";
import { Breadcrumbs } from "@/components/ui/page-header";
import { getCaller } from "@/lib/auth/session";
import { AttachPoliciesForm } from "./attach-policies-form";
import { listAttached } from "./entity-ops";
import { ErrorAlert } from "./error-alert";
import { decodeNameSegment, entityHref } from "./paths";
import type { EntityKind } from "./types";

const SECTION: Record<EntityKind, { label: string; href: string }> = {
  user: { label: "Users", href: "/iam/users" },
  group: { label: "User groups", href: "/iam/groups" },
  role: { label: "Roles", href: "/iam/roles" },
};

/** "Attach policies" to a user, group or role: pick managed policies from every policy there is. */
export async function AttachPoliciesPage({
  kind,
  name: segment,
}: {
  kind: EntityKind;
  name: string;
}) {
  const name = decodeNameSegment(segment);
  const caller = await getCaller();
  const attached = await load(() => listAttached(caller, kind, name));
  if (!attached.ok && attached.code === "NoSuchEntity") notFound();
  const title = kind === "user" ? "Add permissions" : "Attach policies";
  return (
    <div className="space-y-5">
      <Breadcrumbs
        items={[
          { label: "IAM", href: "/iam/users" },
          SECTION[kind],
          { label: name, href: entityHref(kind, name) },
          { label: title },
        ]}
      />
      {attached.ok ? (
        <AttachPoliciesForm
          kind={kind}
          name={name}
          title={title}
          attached={attached.data.map((p) => p.PolicyArn)}
        />
      ) : (
        <>
          <h1 className="text-2xl leading-8 font-bold">{title}</h1>
          <ErrorAlert error={attached} />
        </>
      )}
    </div>
  );
}
