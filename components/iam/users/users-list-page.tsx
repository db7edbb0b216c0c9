import { load } from "@/components/actions/load";
import { Breadcrumbs } from "@/components/ui/page-header";
import { getCaller } from "@/lib/auth/session";
import { listGroupsForUser, listUsers } from "@/lib/ops/iam";
import { toUser } from "../serialize";
import type { UserListItem } from "../types";
import { UsersTable } from "./users-table";

export async function UsersListPage() {
  const caller = await getCaller();
  const users = await load(async (): Promise<UserListItem[]> => {
    const { Users } = await listUsers(caller, { MaxItems: 1000 });
    // IAM has no group count on ListUsers; ask per user, as AWS's console does.
    return Promise.all(
      Users.map(async (u) => {
        const groups = await load(() => listGroupsForUser(caller, { UserName: u.UserName }));
        return { ...toUser(u), GroupCount: groups.ok ? groups.data.Groups.length : undefined };
      }),
    );
  });
  return (
    <div className="space-y-4">
      <Breadcrumbs items={[{ label: "IAM", href: "/iam/users" }, { label: "Users" }]} />
      <UsersTable users={users} />
    </div>
  );
}
