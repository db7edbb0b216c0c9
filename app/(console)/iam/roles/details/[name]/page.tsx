import type { Metadata } from "next";
import { decodeNameSegment } from "@/components/iam/paths";
import { RoleDetailsPage } from "@/components/iam/roles/role-details-page";

type Props = {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeNameSegment((await params).name) };
}

export default async function Page({ params, searchParams }: Props) {
  return <RoleDetailsPage name={(await params).name} searchParams={await searchParams} />;
}
