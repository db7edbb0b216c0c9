import type { Metadata } from "next";
import { InlinePolicyPage } from "@/components/iam/inline-policy-page";

export const metadata: Metadata = { title: "Inline policy" };

type Props = {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function Page({ params, searchParams }: Props) {
  const policy = (await searchParams).policy;
  return (
    <InlinePolicyPage
      kind="user"
      name={(await params).name}
      policy={typeof policy === "string" && policy ? policy : undefined}
    />
  );
}
