import { load } from "@/components/actions/load";
import { Breadcrumbs } from "@/components/ui/page-header";
import { getCaller } from "@/lib/auth/session";
import { getGroup, listGroups } from "@/lib/ops/iam";
import { toGroup } from "../serialize";
import type { GroupListItem } from "../types";
import { GroupsTable } from "./groups-table";

export async function GroupsListPage() {
  const caller = await getCaller();
  const groups = await load(async (): Promise<GroupListItem[]> => {
    const { Groups } = await listGroups(caller, { MaxItems: 1000 });
    return Promise.all(
      Groups.map(async (g) => {
        const members = await load(() =>
          getGroup(caller, { GroupName: g.GroupName, MaxItems: 1000 }),
        );
        return { ...toGroup(g), UserCount: members.ok ? members.data.Users.length : undefined };
      }),
    );
  });
  return (
    <div className="space-y-4">
      <Breadcrumbs items={[{ label: "IAM", href: "/iam/users" }, { label: "User groups" }]} />
      <GroupsTable groups={groups} />
    </div>
  );
}
