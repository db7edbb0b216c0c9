"use client";
// "Edit rotation" on a secret: the rotation form in a dialog; Save calls RotateSecret (or
// CancelRotateSecret when automatic rotation is turned off) through saveRotationAction.
import * as React from "react";
import { toast } from "sonner";
import { useAction } from "@/components/actions/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
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
import { draftFromRules } from "@/lib/rotation/preview";
import type { RotationRules } from "@/lib/rotation/schedule";
import { saveRotationAction } from "./actions";
import { RotationConfigForm, useRotationSources } from "./rotation-config-form";
import { type RotationDraft, draftErrors, initialDraft, toSaveInput } from "./rotation-draft";
import type { SaveRotationResult } from "./types";

export function EditRotationDialog({
  secret,
  masterArn,
  open,
  onOpenChange,
  onSaved,
}: {
  secret: {
    ARN: string;
    Name: string;
    RotationEnabled: boolean;
    RotationLambdaARN?: string;
    RotationRules?: RotationRules;
  };
  /** The master secret the secret's value already names (masterarn), if any. */
  masterArn?: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: (result: SaveRotationResult) => void;
}) {
  const fresh = React.useCallback(
    () =>
      initialDraft({
        enabled: secret.RotationEnabled,
        functionArn: secret.RotationLambdaARN,
        schedule: draftFromRules(secret.RotationRules),
        masterArn,
      }),
    [secret.RotationEnabled, secret.RotationLambdaARN, secret.RotationRules, masterArn],
  );
  const [draft, setDraft] = React.useState<RotationDraft>(fresh);
  const [tried, setTried] = React.useState(false);
  const { functions, candidates } = useRotationSources(secret.ARN, open);
  const action = useAction();
  const fnList = functions.state === "ok" ? functions.data : [];
  const errors = draftErrors(draft, fnList);

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (o) {
          setDraft(fresh());
          setTried(false);
        }
        action.setError(undefined);
        onOpenChange(o);
      }}
    >
      <DialogContent size="lg">
        <form
          noValidate
          className="flex min-h-0 flex-col"
          onSubmit={async (e) => {
            e.preventDefault();
            setTried(true);
            if (Object.keys(errors).length > 0) return;
            const result = await action.run(() =>
              saveRotationAction(toSaveInput(secret.ARN, draft, fnList)),
            );
            if (result.ok) {
              toast.success(
                draft.enabled
                  ? `Rotation is configured for ${secret.Name}.`
                  : `Automatic rotation is turned off for ${secret.Name}.`,
              );
              onOpenChange(false);
              onSaved(result.data);
            }
          }}
        >
          <DialogHeader>
            <DialogTitle>Edit rotation configuration</DialogTitle>
            <DialogDescription>
              Rotation configuration for the secret <span className="break-all">{secret.Name}</span>
              .
            </DialogDescription>
          </DialogHeader>
          <DialogBody className="max-h-[60vh]">
            <RotationConfigForm
              idPrefix="edit-rotation"
              draft={draft}
              onChange={setDraft}
              functions={functions}
              candidates={candidates}
              errors={errors}
              showErrors={tried}
            />
            {action.error ? (
              <Alert type="error" role="alert" header={action.error.code}>
                <span className="break-words">{action.error.message}</span>
              </Alert>
            ) : null}
          </DialogBody>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="link" className="mr-3">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" variant="primary" loading={action.pending}>
              Save
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
