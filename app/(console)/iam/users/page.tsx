import type { Metadata } from "next";
import { UsersListPage } from "@/components/iam/users/users-list-page";

export const metadata: Metadata = { title: "Users" };

export default function Page() {
  return <UsersListPage />;
}
