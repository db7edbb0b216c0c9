import type { Metadata } from "next";
import { CreateSecretWizard } from "@/components/secrets/create-secret-wizard";
import { Breadcrumbs } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Store a new secret" };

export default function Page() {
  return (
    <div className="space-y-5">
      <Breadcrumbs
        items={[
          { label: "Secrets Manager", href: "/secrets" },
          { label: "Secrets", href: "/secrets" },
          { label: "Store a new secret" },
        ]}
      />
      <CreateSecretWizard />
    </div>
  );
}
