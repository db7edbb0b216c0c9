import type { Metadata } from "next";
import { RotationFunctionsPage } from "@/components/rotation/functions-page";

export const metadata: Metadata = { title: "Rotation functions" };

export default function Page() {
  return <RotationFunctionsPage />;
}
