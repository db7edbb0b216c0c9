import { load } from "@/components/actions/load";
import { Breadcrumbs } from "@/components/ui/page-header";
import { getCaller } from "@/lib/auth/session";
import { listUsers } from "@/lib/ops/iam";
import { countGroupsForUsers } from "@/lib/ops/iam/group-counts";
import { toUser } from "../serialize";
import type { UserListItem } from "../types";
import { UsersTable } from "./users-table";

export async function UsersListPage() {
  const caller = await getCaller();
  const users = await load(async (): Promise<UserListItem[]> => {
    const { Users } = await listUsers(caller, { MaxItems: 1000 });
    // IAM has no group count on ListUsers: one batched ListGroupsForUser decision per user and
    // one query for all counts (a user the caller may not ask about shows "-").
    const counts =
      Users.length === 0
        ? undefined
        : await load(() =>
            countGroupsForUsers(caller, { UserNames: Users.map((u) => u.UserName) }),
          );
    const groupCounts = counts?.ok ? counts.data.GroupCounts : {};
    return Users.map((u) => ({ ...toUser(u), GroupCount: groupCounts[u.UserName] }));
  });
  return (
    <div className="space-y-4">
      <Breadcrumbs items={[{ label: "IAM", href: "/iam/users" }, { label: "Users" }]} />
      <UsersTable users={users} />
    </div>
  );
}
