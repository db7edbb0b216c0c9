import type { Metadata } from "next";
import { GroupsListPage } from "@/components/iam/groups/groups-list-page";

export const metadata: Metadata = { title: "User groups" };

export default function Page() {
  return <GroupsListPage />;
}
