"use client";

import * as React from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { Loaded } from "@/components/actions/result";
import { ConfirmDialog } from "@/components/iam/confirm-dialog";
import { formatDateTime, secretHref } from "@/components/secrets/format";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Container, ContainerHeader, KeyValue } from "@/components/ui/container";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import { TEMPLATES, isTemplateId } from "@/lib/rotation/templates/catalog";
import { deleteFunctionAction } from "./actions";
import { roleHref } from "./paths";
import { templateLabel } from "./rotation-draft";
import type { RotationFunctionView, SecretRef } from "./types";

export function FunctionDetails({
  fn,
  secrets,
}: {
  fn: RotationFunctionView;
  secrets: Loaded<SecretRef[]>;
}) {
  const router = useRouter();
  const [deleting, setDeleting] = React.useState(false);
  const template = isTemplateId(fn.Template) ? TEMPLATES[fn.Template] : undefined;
  return (
    <>
      <PageHeader
        title={fn.FunctionName}
        actions={<Button onClick={() => setDeleting(true)}>Delete</Button>}
      />
      <Container header={<ContainerHeader title="Function overview" />}>
        <dl className="grid gap-x-8 gap-y-4 md:grid-cols-2">
          <KeyValue label="Function ARN">
            <span className="inline-flex max-w-full items-start gap-1">
              <span className="min-w-0 font-mono text-[13px] break-all">{fn.FunctionArn}</span>
              <CopyButton value={fn.FunctionArn} label="Copy function ARN" />
            </span>
          </KeyValue>
          <KeyValue label="Template">{templateLabel(fn.Template)}</KeyValue>
          <KeyValue label="Runtime">
            <span className="font-mono text-[13px]">{fn.Runtime}</span>
          </KeyValue>
          <KeyValue label="Execution role">
            <Link
              href={roleHref(fn.RoleName)}
              className="font-bold break-all text-link hover:underline"
            >
              {fn.RoleName}
            </Link>
          </KeyValue>
          <KeyValue label="Description">{fn.Description || "-"}</KeyValue>
          <KeyValue label="Timeout">{fn.Timeout} seconds</KeyValue>
          {fn.Endpoint ? (
            <KeyValue label="Endpoint URL">
              <span className="font-mono text-[13px] break-all">{fn.Endpoint}</span>
            </KeyValue>
          ) : null}
          <KeyValue label="Last modified (UTC)">{formatDateTime(fn.LastModified)}</KeyValue>
          {template?.strategy === "alternating-users" ? (
            <KeyValue label="Master secret" className="md:col-span-2">
              This template signs in with a master secret named by each secret&apos;s masterarn key.
              The execution role must be allowed secretsmanager:GetSecretValue on it (its inline
              policy SecretsManager{template.policyName}1).
            </KeyValue>
          ) : null}
        </dl>
      </Container>
      <Container
        header={
          <ContainerHeader
            title="Secrets that use this function"
            counter={secrets.ok ? secrets.data.length : undefined}
          />
        }
      >
        {!secrets.ok ? (
          <Alert type="error" header={secrets.code}>
            {secrets.message}
          </Alert>
        ) : secrets.data.length === 0 ? (
          <p className="text-sm text-muted-foreground">No secret uses this function.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {secrets.data.map((s) => (
              <li key={s.ARN}>
                <Link
                  href={`${secretHref(s.Name)}?tab=rotation`}
                  className="break-all text-link hover:underline"
                >
                  {s.Name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Container>
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete ${fn.FunctionName}?`}
        description="lambda:DeleteFunction. The execution role stays; delete it in IAM if no longer needed."
        confirmLabel="Delete"
        confirmText={fn.FunctionName}
        onConfirm={() => deleteFunctionAction(fn.FunctionName)}
        onDone={() => {
          toast.success(`The rotation function ${fn.FunctionName} was deleted.`);
          router.push("/rotation/functions");
        }}
      >
        {secrets.ok && secrets.data.length > 0 ? (
          <Alert type="warning">
            {secrets.data.length === 1 ? "1 secret uses" : `${secrets.data.length} secrets use`}{" "}
            this function: {secrets.data.map((s) => s.Name).join(", ")}. Their next rotation fails
            until you choose another function for them.
          </Alert>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
