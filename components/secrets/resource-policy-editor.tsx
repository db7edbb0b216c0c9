"use client";
// The secret's "Resource permissions": its resource policy, and "Edit permissions", which opens
// the policy editor (visual, JSON, summary; principals; validated as a Secrets Manager resource
// policy) in place, then "Review policy" → "Save changes". "Delete policy" removes it.
import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { Loaded } from "@/components/actions/result";
import { ConfirmDialog } from "@/components/iam/confirm-dialog";
import { PolicyEditor, type SaveResult } from "@/components/policy-editor/policy-editor";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Container, ContainerHeader } from "@/components/ui/container";
import { CopyButton } from "@/components/ui/copy-button";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { deleteResourcePolicyAction, putResourcePolicyAction } from "./actions";

const TEMPLATE = JSON.stringify({ Version: "2012-10-17", Statement: [] }, null, 2);

function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

export function ResourcePolicyPanel({
  secretArn,
  policy,
  disabledReason,
}: {
  secretArn: string;
  policy: Loaded<string | undefined>;
  /** Why the secret can't be changed now (marked for deletion), if it can't. */
  disabledReason?: string;
}) {
  const router = useRouter();
  const [editing, setEditing] = React.useState(false);
  const [deleting, setDeleting] = React.useState(false);
  const [text, setText] = React.useState("");
  // arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-abcdef — the defaults for "Add ARN".
  const [, partition, , region, accountId] = secretArn.split(":");
  const current = policy.ok ? policy.data : undefined;

  const save = async (next: string): Promise<SaveResult> => {
    const result = await putResourcePolicyAction(secretArn, next);
    if (!result.ok) return result;
    toast.success("The resource policy was saved.");
    setEditing(false);
    router.refresh();
    return { ok: true };
  };

  return (
    <Container
      header={
        <ContainerHeader
          title="Resource permissions"
          description={
            editing
              ? "A resource policy decides who else, including other accounts, may use this secret. Policies that grant public access are blocked."
              : "The resource policy attached to this secret."
          }
          actions={
            editing ? null : (
              <div className="flex gap-2">
                {current ? (
                  <DisabledReason reason={disabledReason}>
                    <Button onClick={() => setDeleting(true)}>Delete policy</Button>
                  </DisabledReason>
                ) : null}
                <DisabledReason reason={disabledReason}>
                  <Button
                    onClick={() => {
                      setText(current ? pretty(current) : TEMPLATE);
                      setEditing(true);
                    }}
                    disabled={!policy.ok}
                  >
                    Edit permissions
                  </Button>
                </DisabledReason>
              </div>
            )
          }
        />
      }
    >
      {!policy.ok ? (
        <Alert type="error" header={policy.code}>
          {policy.message}
        </Alert>
      ) : editing ? (
        <PolicyEditor
          id="resource-policy"
          label="Resource policy"
          value={text}
          onChange={setText}
          kind="resource"
          validatePolicyResourceType="AWS::SecretsManager::Secret"
          accountId={accountId}
          region={region}
          partition={partition}
          onSave={save}
          onCancel={() => setEditing(false)}
        />
      ) : current ? (
        <div className="relative rounded-lg border bg-code">
          <pre className="max-h-[28rem] overflow-auto p-3 pr-12 font-mono text-[13px] leading-5">
            {pretty(current)}
          </pre>
          <CopyButton
            value={current}
            label="Copy resource policy"
            className="absolute top-2 right-2"
          />
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">
          No resource policy. Only principals whose identity-based policies allow it can use this
          secret.
        </p>
      )}
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title="Delete the resource policy?"
        description="Principals that only the resource policy allows lose access to the secret."
        confirmLabel="Delete policy"
        onConfirm={() => deleteResourcePolicyAction(secretArn)}
      />
    </Container>
  );
}
