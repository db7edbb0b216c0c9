import type { Metadata } from "next";
import { GroupDetailsPage } from "@/components/iam/groups/group-details-page";
import { decodeNameSegment } from "@/components/iam/paths";

type Props = {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeNameSegment((await params).name) };
}

export default async function Page({ params, searchParams }: Props) {
  return <GroupDetailsPage name={(await params).name} searchParams={await searchParams} />;
}
