import type { Metadata } from "next";
import { AuditLogPage } from "@/components/audit/audit-log-page";

export const metadata: Metadata = { title: "Audit log" };

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <AuditLogPage searchParams={await searchParams} />;
}
