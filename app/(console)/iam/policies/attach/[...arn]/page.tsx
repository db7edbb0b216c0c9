import type { Metadata } from "next";
import { AttachPolicyPage } from "@/components/iam/policies/attach-policy-page";

export const metadata: Metadata = { title: "Attach policy" };

export default async function Page({ params }: { params: Promise<{ arn: string[] }> }) {
  return <AttachPolicyPage segments={(await params).arn} />;
}
