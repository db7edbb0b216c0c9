"use client";
// The seed's message after rotation is configured with a master secret the function's role cannot
// read yet: its exact words, the role name a link to the role's permissions, the master secret's
// ARN copyable, and "Grant access" (iam:PutRolePolicy through grantMasterSecretAccess).
import * as React from "react";
import Link from "next/link";
import { toast } from "sonner";
import { useAction } from "@/components/actions/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { grantMasterSecretAccessAction } from "./actions";
import { roleHref } from "./paths";
import type { MasterSecretGrantView } from "./types";

/** The message split around the role name and the ARN, so they can be a link and copyable. */
function messageParts(grant: MasterSecretGrantView) {
  const roleAt = grant.Message.indexOf(`grant the role ${grant.RoleName} permission`);
  const arnAt = grant.Message.lastIndexOf(grant.MasterSecretArn);
  if (roleAt < 0 || arnAt < 0) return undefined;
  const roleStart = roleAt + "grant the role ".length;
  const roleEnd = roleStart + grant.RoleName.length;
  return {
    before: grant.Message.slice(0, roleStart),
    between: grant.Message.slice(roleEnd, arnAt),
    after: grant.Message.slice(arnAt + grant.MasterSecretArn.length),
  };
}

export function MasterSecretGrantAlert({
  secretId,
  grant,
  onGranted,
}: {
  secretId: string;
  grant: MasterSecretGrantView;
  onGranted?: () => void;
}) {
  const action = useAction();
  const parts = messageParts(grant);
  return (
    <div className="space-y-2">
      <Alert
        type="info"
        action={
          <Button
            variant="primary"
            loading={action.pending}
            onClick={async () => {
              const result = await action.run(() => grantMasterSecretAccessAction(secretId));
              if (result.ok) {
                toast.success(
                  `The role ${grant.RoleName} may now retrieve the secret ${grant.MasterSecretArn}.`,
                );
                onGranted?.();
              }
            }}
          >
            Grant access
          </Button>
        }
      >
        {parts ? (
          <p>
            {parts.before}
            <Link href={roleHref(grant.RoleName)} className="font-bold text-link hover:underline">
              {grant.RoleName}
            </Link>
            {parts.between}
            <span className="font-mono text-[13px] break-all">{grant.MasterSecretArn}</span>
            <CopyButton
              value={grant.MasterSecretArn}
              label="Copy master secret ARN"
              className="mx-0.5 inline-flex align-middle"
            />
            {parts.after}
          </p>
        ) : (
          <p>{grant.Message}</p>
        )}
        <p className="mt-1 text-xs text-muted-foreground">
          Grant access adds a statement allowing secretsmanager:GetSecretValue on the master secret
          to the role&apos;s inline policy {grant.PolicyName}.
        </p>
      </Alert>
      {action.error ? (
        <Alert type="error" role="alert" header={action.error.code}>
          <span className="break-words">{action.error.message}</span>
        </Alert>
      ) : null}
    </div>
  );
}
