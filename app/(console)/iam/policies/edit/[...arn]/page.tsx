import type { Metadata } from "next";
import { EditPolicyPage } from "@/components/iam/policies/edit-policy-page";

export const metadata: Metadata = { title: "Edit policy" };

export default async function Page({ params }: { params: Promise<{ arn: string[] }> }) {
  return <EditPolicyPage segments={(await params).arn} />;
}
