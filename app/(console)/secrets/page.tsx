import type { Metadata } from "next";
import { SecretsListPage } from "@/components/secrets/secrets-list-page";

export const metadata: Metadata = { title: "Secrets" };

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <SecretsListPage searchParams={await searchParams} />;
}
