import type { Metadata } from "next";
import { SecretDetailsPage } from "@/components/secrets/secret-details-page";
import { secretNameFromSegments } from "@/components/secrets/format";

type Props = {
  params: Promise<{ name: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: secretNameFromSegments((await params).name) };
}

export default async function Page({ params, searchParams }: Props) {
  return <SecretDetailsPage segments={(await params).name} searchParams={await searchParams} />;
}
