"use client";
// Rotation functions (lambda:ListFunctions): name, template and runtime, execution role, the
// secrets that use each one, last modified; "Create function" from a template.
import * as React from "react";
import Link from "next/link";
import type { Loaded } from "@/components/actions/result";
import { formatDateTime, secretHref } from "@/components/secrets/format";
import { Button } from "@/components/ui/button";
import { Container, ContainerHeader } from "@/components/ui/container";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { ErrorAlert } from "@/components/iam/error-alert";
import { CreateFunctionDialog } from "./create-function-dialog";
import { functionHref, roleHref } from "./paths";
import { templateLabel } from "./rotation-draft";
import type { RotationFunctionView, SecretRef } from "./types";

export function FunctionsTable({
  functions,
  secrets,
}: {
  functions: Loaded<RotationFunctionView[]>;
  secrets: Loaded<Record<string, SecretRef[]>>;
}) {
  const [creating, setCreating] = React.useState(false);
  return (
    <Container
      header={
        <ContainerHeader
          title="Rotation functions"
          counter={functions.ok ? functions.data.length : undefined}
          description="A rotation function rotates secrets from a template, running as its execution role: what it may touch is decided by the role's policies."
          actions={
            <Button variant="primary" onClick={() => setCreating(true)}>
              Create function
            </Button>
          }
        />
      }
      bodyClassName="px-0 pb-0"
    >
      <ErrorAlert error={functions.ok ? undefined : functions} className="mx-5 mb-4" />
      {!secrets.ok ? (
        <p className="mx-5 mb-3 text-sm text-muted-foreground">
          The secrets that use each function are not shown: {secrets.message}
        </p>
      ) : null}
      <Table aria-label="Rotation functions">
        <THead>
          <tr>
            <TH>Function name</TH>
            <TH>Template</TH>
            <TH>Runtime</TH>
            <TH>Execution role</TH>
            <TH>Secrets</TH>
            <TH>Last modified (UTC)</TH>
          </tr>
        </THead>
        <TBody>
          {functions.ok && functions.data.length === 0 ? (
            <TR>
              <TD colSpan={6} className="py-6 text-center text-muted-foreground">
                No rotation functions. Create one from a template, or when you configure rotation
                for a secret.
              </TD>
            </TR>
          ) : null}
          {(functions.ok ? functions.data : []).map((f) => {
            const using = secrets.ok ? (secrets.data[f.FunctionArn] ?? []) : undefined;
            return (
              <TR key={f.FunctionArn}>
                <TD>
                  <Link
                    href={functionHref(f.FunctionName)}
                    className="font-bold break-all text-link hover:underline"
                  >
                    {f.FunctionName}
                  </Link>
                </TD>
                <TD>{templateLabel(f.Template)}</TD>
                <TD className="font-mono text-[13px]">{f.Runtime}</TD>
                <TD>
                  <Link href={roleHref(f.RoleName)} className="break-all text-link hover:underline">
                    {f.RoleName}
                  </Link>
                </TD>
                <TD>
                  {using === undefined ? (
                    "-"
                  ) : using.length === 0 ? (
                    <span className="text-muted-foreground">None</span>
                  ) : (
                    <ul className="space-y-0.5">
                      {using.map((s) => (
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
                </TD>
                <TD className="whitespace-nowrap">{formatDateTime(f.LastModified)}</TD>
              </TR>
            );
          })}
        </TBody>
      </Table>
      <CreateFunctionDialog open={creating} onOpenChange={setCreating} />
    </Container>
  );
}
