import { load } from "@/components/actions/load";
import { Breadcrumbs } from "@/components/ui/page-header";
import { getCaller } from "@/lib/auth/session";
import { listGroups } from "@/lib/ops/iam";
import { toGroup } from "../serialize";
import { CreateUserWizard } from "./create-user-wizard";

export async function CreateUserPage() {
  const caller = await getCaller();
  const groups = await load(async () =>
    (await listGroups(caller, { MaxItems: 1000 })).Groups.map(toGroup),
  );
  return (
    <div className="space-y-5">
      <Breadcrumbs
        items={[
          { label: "IAM", href: "/iam/users" },
          { label: "Users", href: "/iam/users" },
          { label: "Create user" },
        ]}
      />
      <CreateUserWizard groups={groups} accountId={caller.principal.accountId} />
    </div>
  );
}
