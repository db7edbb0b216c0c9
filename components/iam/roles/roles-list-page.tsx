import { load } from "@/components/actions/load";
import { Breadcrumbs } from "@/components/ui/page-header";
import { getCaller } from "@/lib/auth/session";
import { listRoles } from "@/lib/ops/iam";
import { toRole } from "../serialize";
import { RolesTable } from "./roles-table";

export async function RolesListPage() {
  const caller = await getCaller();
  const roles = await load(async () =>
    (await listRoles(caller, { MaxItems: 1000 })).Roles.map(toRole),
  );
  return (
    <div className="space-y-4">
      <Breadcrumbs items={[{ label: "IAM", href: "/iam/users" }, { label: "Roles" }]} />
      <RolesTable roles={roles} />
    </div>
  );
}
