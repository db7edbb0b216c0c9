import type { Metadata } from "next";
import { TrustPolicyPage } from "@/components/iam/roles/trust-policy-page";

export const metadata: Metadata = { title: "Edit trust policy" };

export default async function Page({ params }: { params: Promise<{ name: string }> }) {
  return <TrustPolicyPage name={(await params).name} />;
}
