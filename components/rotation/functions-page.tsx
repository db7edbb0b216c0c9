import { Breadcrumbs } from "@/components/ui/page-header";
import { getCaller } from "@/lib/auth/session";
import { loadFunctions, loadSecretsByFunction } from "./functions-data";
import { FunctionsTable } from "./functions-table";

export async function RotationFunctionsPage() {
  const caller = await getCaller();
  const [functions, secrets] = await Promise.all([
    loadFunctions(caller),
    loadSecretsByFunction(caller),
  ]);
  return (
    <div className="space-y-4">
      <Breadcrumbs items={[{ label: "Rotation" }, { label: "Rotation functions" }]} />
      <FunctionsTable functions={functions} secrets={secrets} />
    </div>
  );
}
