"use client";
// "Permissions boundary" on a user's or role's Permissions tab: the managed policy that sets the
// most the identity may do, whatever its permissions policies grant. Set, change or remove it.
import * as React from "react";
import Link from "next/link";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { Container, ContainerHeader } from "@/components/ui/container";
import {
  Dialog,
  DialogBody,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { deletePermissionsBoundaryAction, putPermissionsBoundaryAction } from "../actions";
import { ConfirmDialog } from "../confirm-dialog";
import { ErrorAlert } from "../error-alert";
import { isAwsManaged, policyHref } from "../paths";
import { SingleBoundaryPicker } from "./boundary-choice";
import { useInvalidatePolicies } from "../use-policies";

export type BoundaryHint = "putBoundary" | "deleteBoundary";

const policyName = (arn: string) => arn.slice(arn.lastIndexOf("/") + 1);

export function BoundaryPanel({
  kind,
  entityName,
  boundaryArn,
  hints,
}: {
  kind: "user" | "role";
  entityName: string;
  boundaryArn?: string;
  hints: Partial<Record<BoundaryHint, string>>;
}) {
  const [picking, setPicking] = React.useState(false);
  const [removing, setRemoving] = React.useState(false);
  const invalidatePolicies = useInvalidatePolicies();
  const who = kind === "user" ? "user" : "role";
  return (
    <Container
      header={
        <ContainerHeader
          title={boundaryArn ? "Permissions boundary (set)" : "Permissions boundary (not set)"}
          description={`A managed policy that sets the maximum permissions the ${who} can have. Its permissions policies grant nothing beyond what the boundary allows.`}
          actions={
            boundaryArn ? (
              <div className="flex flex-wrap gap-2">
                <DisabledReason reason={hints.deleteBoundary}>
                  <Button onClick={() => setRemoving(true)}>Remove boundary</Button>
                </DisabledReason>
                <DisabledReason reason={hints.putBoundary}>
                  <Button onClick={() => setPicking(true)}>Change boundary</Button>
                </DisabledReason>
              </div>
            ) : (
              <DisabledReason reason={hints.putBoundary}>
                <Button onClick={() => setPicking(true)}>Set permissions boundary</Button>
              </DisabledReason>
            )
          }
        />
      }
      bodyClassName={boundaryArn ? "px-0 pb-0" : undefined}
    >
      {boundaryArn ? (
        <Table aria-label="Permissions boundary">
          <THead>
            <tr>
              <TH>Policy name</TH>
              <TH>Type</TH>
              <TH>Used as</TH>
            </tr>
          </THead>
          <TBody>
            <TR>
              <TD className="font-bold break-all">
                <Link
                  href={policyHref(boundaryArn)}
                  prefetch={false}
                  className="text-link hover:underline"
                >
                  {policyName(boundaryArn)}
                </Link>
              </TD>
              <TD className="whitespace-nowrap">
                {isAwsManaged(boundaryArn) ? "AWS managed" : "Customer managed"}
              </TD>
              <TD className="whitespace-nowrap">Permissions boundary</TD>
            </TR>
          </TBody>
        </Table>
      ) : (
        <p className="text-sm text-muted-foreground">
          No permissions boundary: the {who}&apos;s permissions policies alone decide what it may
          do.
        </p>
      )}
      <BoundaryDialog
        open={picking}
        onOpenChange={setPicking}
        kind={kind}
        entityName={entityName}
        current={boundaryArn}
        onSaved={() => void invalidatePolicies()}
      />
      <ConfirmDialog
        open={removing}
        onOpenChange={setRemoving}
        title="Remove permissions boundary?"
        description={`${boundaryArn ? policyName(boundaryArn) : ""} no longer limits ${entityName}.`}
        confirmLabel="Remove boundary"
        onConfirm={async () => {
          const result = await deletePermissionsBoundaryAction(kind, entityName);
          if (result.ok) void invalidatePolicies();
          return result;
        }}
      >
        <p className="text-sm">
          The {who} can then do everything its permissions policies allow, immediately.
        </p>
      </ConfirmDialog>
    </Container>
  );
}

function BoundaryDialog({
  open,
  onOpenChange,
  kind,
  entityName,
  current,
  onSaved,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  kind: "user" | "role";
  entityName: string;
  current?: string;
  onSaved: () => void;
}) {
  const [choice, setChoice] = React.useState<string | undefined>(current);
  const action = useAction();
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (o) setChoice(current);
        action.setError(undefined);
        onOpenChange(o);
      }}
    >
      <DialogContent size="lg" className="max-w-5xl">
        <form
          className="flex min-h-0 flex-col"
          onSubmit={async (event) => {
            event.preventDefault();
            if (!choice) return;
            const result = await action.run(() =>
              putPermissionsBoundaryAction(kind, entityName, choice),
            );
            if (result.ok) {
              onOpenChange(false);
              onSaved();
            }
          }}
        >
          <DialogHeader>
            <DialogTitle>
              {current ? "Change permissions boundary" : "Set permissions boundary"}
            </DialogTitle>
            <DialogDescription>
              Choose one managed policy to set the maximum permissions of {entityName}.
            </DialogDescription>
          </DialogHeader>
          <DialogBody>
            <SingleBoundaryPicker value={choice} onChange={setChoice} />
            <ErrorAlert error={action.error} />
          </DialogBody>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="link" className="mr-3">
                Cancel
              </Button>
            </DialogClose>
            <Button
              type="submit"
              variant="primary"
              disabled={!choice || choice === current}
              loading={action.pending}
            >
              Set boundary
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
