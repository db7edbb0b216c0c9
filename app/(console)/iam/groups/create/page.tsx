import type { Metadata } from "next";
import { CreateGroupPage } from "@/components/iam/groups/create-group-page";

export const metadata: Metadata = { title: "Create user group" };

export default function Page() {
  return <CreateGroupPage />;
}
