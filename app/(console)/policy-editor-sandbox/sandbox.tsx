"use client";
// TEMPORARY (see page.tsx).
import * as React from "react";
import type { CatalogSnapshot } from "@/lib/iam/catalog";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";

export function Sandbox({
  initial,
  kind,
  tab,
  snapshot,
  newPolicy,
  max,
}: {
  initial: string;
  kind: "identity" | "resource" | "trust";
  tab: "visual" | "json";
  snapshot: CatalogSnapshot;
  newPolicy: boolean;
  max?: number;
}) {
  const [value, setValue] = React.useState(initial);
  return (
    <>
      <PolicyEditor
        value={value}
        onChange={setValue}
        kind={kind}
        initialTab={tab}
        catalogSnapshot={snapshot}
        accountId="123456789012"
        region="us-east-1"
        maxCharacters={max}
        newPolicy={newPolicy ? { name: "" } : undefined}
        onSave={async (text, details) => {
          await new Promise((r) => setTimeout(r, 300));
          if (details.name === "fail" || text.includes("FailMe"))
            return { ok: false, code: "MalformedPolicyDocumentException", message: "Syntax errors in policy." };
          return { ok: true };
        }}
      />
      <pre data-testid="value" className="hidden">{value}</pre>
    </>
  );
}
