import type { Metadata } from "next";
import { PoliciesList } from "@/components/iam/policies/policies-list";
import { Breadcrumbs } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Policies" };

export default function Page() {
  return (
    <div className="space-y-4">
      <Breadcrumbs items={[{ label: "IAM", href: "/iam/users" }, { label: "Policies" }]} />
      <PoliciesList />
    </div>
  );
}
