import type { Metadata } from "next";
import { decodeNameSegment } from "@/components/iam/paths";
import { RotationFunctionDetailsPage } from "@/components/rotation/function-details-page";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeNameSegment((await params).name) };
}

export default async function Page({ params }: Props) {
  return <RotationFunctionDetailsPage name={decodeNameSegment((await params).name)} />;
}
