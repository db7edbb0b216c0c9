import type { Metadata } from "next";
import { policyArnFromSegments, policyNameFromArn } from "@/components/iam/paths";
import { PolicyDetailsPage } from "@/components/iam/policies/policy-details-page";

type Props = {
  params: Promise<{ arn: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const arn = policyArnFromSegments((await params).arn);
  return { title: arn ? policyNameFromArn(arn) : "Policy" };
}

export default async function Page({ params, searchParams }: Props) {
  return <PolicyDetailsPage segments={(await params).arn} searchParams={await searchParams} />;
}
