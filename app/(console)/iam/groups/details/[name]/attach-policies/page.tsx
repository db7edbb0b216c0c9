import type { Metadata } from "next";
import { AttachPoliciesPage } from "@/components/iam/attach-policies-page";

export const metadata: Metadata = { title: "Attach policies" };

export default async function Page({ params }: { params: Promise<{ name: string }> }) {
  return <AttachPoliciesPage kind="group" name={(await params).name} />;
}
