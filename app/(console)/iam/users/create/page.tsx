import type { Metadata } from "next";
import { CreateUserPage } from "@/components/iam/users/create-user-page";

export const metadata: Metadata = { title: "Create user" };

export default function Page() {
  return <CreateUserPage />;
}
