import type { Metadata } from "next";
import { CreateRoleWizard } from "@/components/iam/roles/create-role-wizard";
import { policyEditorPageContext } from "@/components/policy-editor/page-context";
import { Breadcrumbs } from "@/components/ui/page-header";
import { getCaller } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Create role" };

export default async function Page() {
  const caller = await getCaller();
  const editor = await policyEditorPageContext([], ["sts"]);
  return (
    <div className="space-y-5">
      <Breadcrumbs
        items={[
          { label: "IAM", href: "/iam/users" },
          { label: "Roles", href: "/iam/roles" },
          { label: "Create role" },
        ]}
      />
      <CreateRoleWizard accountId={caller.principal.accountId} editor={editor} />
    </div>
  );
}
