import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Breadcrumbs } from "@/components/ui/page-header";

export default function SecretNotFound() {
  return (
    <div className="space-y-5">
      <Breadcrumbs items={[{ label: "Secrets", href: "/secrets" }, { label: "Not found" }]} />
      <Alert
        type="error"
        header="ResourceNotFoundException"
        action={
          <Button asChild>
            <Link href="/secrets">View secrets</Link>
          </Button>
        }
      >
        Secrets Manager can&apos;t find the specified secret.
      </Alert>
    </div>
  );
}
