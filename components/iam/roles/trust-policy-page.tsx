import { notFound } from "next/navigation";
import { load } from "@/components/actions/load";
import { policyEditorPageContext } from "@/components/policy-editor/page-context";
import { Breadcrumbs } from "@/components/ui/page-header";
import { getCaller } from "@/lib/auth/session";
import { getRole } from "@/lib/ops/iam";
import { ErrorAlert } from "../error-alert";
import { decodeNameSegment, roleHref } from "../paths";
import { documentText } from "../serialize";
import { TrustPolicyEditor } from "./trust-policy-editor";

export async function TrustPolicyPage({ name: segment }: { name: string }) {
  const name = decodeNameSegment(segment);
  const caller = await getCaller();
  const role = await load(() => getRole(caller, { RoleName: name }));
  if (!role.ok && role.code === "NoSuchEntity") notFound();
  const document = role.ok ? documentText(role.data.Role.AssumeRolePolicyDocument ?? "") : "";
  const editor = await policyEditorPageContext([document], ["sts"]);
  return (
    <div className="space-y-5">
      <Breadcrumbs
        items={[
          { label: "IAM", href: "/iam/users" },
          { label: "Roles", href: "/iam/roles" },
          { label: name, href: roleHref(name) },
          { label: "Edit trust policy" },
        ]}
      />
      {role.ok ? (
        <TrustPolicyEditor roleName={name} document={document} editor={editor} />
      ) : (
        <>
          <h1 className="text-2xl leading-8 font-bold">Edit trust policy</h1>
          <ErrorAlert error={role} />
        </>
      )}
    </div>
  );
}
