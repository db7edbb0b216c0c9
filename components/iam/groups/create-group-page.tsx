import { load } from "@/components/actions/load";
import { Breadcrumbs } from "@/components/ui/page-header";
import { getCaller } from "@/lib/auth/session";
import { listUsers } from "@/lib/ops/iam";
import { userHref } from "../paths";
import { CreateGroupForm } from "./create-group-form";

export async function CreateGroupPage() {
  const caller = await getCaller();
  const users = await load(async () =>
    (await listUsers(caller, { MaxItems: 1000 })).Users.map((u) => ({
      name: u.UserName,
      href: userHref(u.UserName),
      created: u.CreateDate.toISOString(),
    })),
  );
  return (
    <div className="space-y-5">
      <Breadcrumbs
        items={[
          { label: "IAM", href: "/iam/users" },
          { label: "User groups", href: "/iam/groups" },
          { label: "Create user group" },
        ]}
      />
      <CreateGroupForm users={users} />
    </div>
  );
}
