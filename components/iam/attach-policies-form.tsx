"use client";

import * as React from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useAction } from "@/components/actions/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { attachPoliciesAction, type BatchFailure } from "./actions";
import { ErrorAlert } from "./error-alert";
import { ENTITY_TITLE, entityHref, policyNameFromArn } from "./paths";
import { PolicyPicker } from "./policy-picker";
import type { EntityKind } from "./types";
import { useAdjustAttachmentCounts } from "./use-policies";

export function AttachPoliciesForm({
  kind,
  name,
  title,
  attached,
}: {
  kind: EntityKind;
  name: string;
  title: string;
  attached: string[];
}) {
  const router = useRouter();
  const adjustCounts = useAdjustAttachmentCounts();
  const [selected, setSelected] = React.useState<string[]>([]);
  const [failed, setFailed] = React.useState<BatchFailure[]>([]);
  const action = useAction();
  const back = `${entityHref(kind, name)}?tab=permissions`;
  return (
    <div className="space-y-5">
      <PageHeader
        title={title}
        description={
          <>
            Attach managed policies to the {ENTITY_TITLE[kind].toLowerCase()}{" "}
            <span className="font-bold">{name}</span>. Its permissions change at once.
          </>
        }
      />
      <PolicyPicker selected={selected} onChange={setSelected} attached={attached} />
      {failed.length > 0 ? (
        <Alert type="error" header="Some policies were not attached">
          <ul className="mt-1 space-y-1">
            {failed.map((f) => (
              <li key={f.item}>
                <span className="font-bold">{policyNameFromArn(f.item)}</span>: {f.code}:{" "}
                {f.message}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <ErrorAlert error={action.error} />
      <div className="flex items-center justify-end gap-2">
        <Button variant="link" asChild className="mr-3">
          <Link href={back}>Cancel</Link>
        </Button>
        <Button
          variant="primary"
          disabled={selected.length === 0}
          loading={action.pending}
          onClick={async () => {
            setFailed([]);
            const result = await action.run(() => attachPoliciesAction(kind, name, selected), {
              refresh: false,
            });
            if (!result.ok) return;
            adjustCounts(Object.fromEntries(result.data.attached.map((arn) => [arn, 1])));
            if (result.data.attached.length > 0) {
              toast.success(
                `${result.data.attached.map(policyNameFromArn).join(", ")} attached to ${name}.`,
              );
            }
            if (result.data.failed.length > 0) {
              setFailed(result.data.failed);
              setSelected(result.data.failed.map((f) => f.item));
              router.refresh();
              return;
            }
            router.push(back);
            router.refresh();
          }}
        >
          {kind === "user" ? "Add permissions" : "Attach policies"}
        </Button>
      </div>
    </div>
  );
}
