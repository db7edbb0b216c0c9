import type { Metadata } from "next";
import { ChangePasswordPage } from "@/components/account/change-password-page";

export const metadata: Metadata = { title: "Change password" };

export default function Page() {
  return <ChangePasswordPage />;
}
