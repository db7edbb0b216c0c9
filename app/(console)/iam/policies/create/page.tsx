import type { Metadata } from "next";
import { CreatePolicyWizard } from "@/components/iam/policies/create-policy-wizard";
import { policyEditorPageContext } from "@/components/policy-editor/page-context";
import { Breadcrumbs } from "@/components/ui/page-header";
import { getCaller } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Create policy" };

export default async function Page() {
  await getCaller();
  const editor = await policyEditorPageContext();
  return (
    <div className="space-y-5">
      <Breadcrumbs
        items={[
          { label: "IAM", href: "/iam/users" },
          { label: "Policies", href: "/iam/policies" },
          { label: "Create policy" },
        ]}
      />
      <CreatePolicyWizard editor={editor} />
    </div>
  );
}
