import type { Metadata } from "next";
import { CreatePolicyWizard } from "@/components/iam/policies/create-policy-wizard";
import { Breadcrumbs } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Create policy" };

export default function Page() {
  return (
    <div className="space-y-5">
      <Breadcrumbs
        items={[
          { label: "IAM", href: "/iam/users" },
          { label: "Policies", href: "/iam/policies" },
          { label: "Create policy" },
        ]}
      />
      <CreatePolicyWizard />
    </div>
  );
}
