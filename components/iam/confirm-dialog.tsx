"use client";

import * as React from "react";
import type { ActionResult } from "@/components/actions/result";
import { useAction } from "@/components/actions/use-action";
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
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ErrorAlert } from "./error-alert";

/**
 * A destructive action behind a dialog that says what will happen. With `confirmText`, the user
 * types it (the entity's name) before the button does anything, as AWS's console asks.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  confirmLabel,
  confirmText,
  onConfirm,
  onDone,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: React.ReactNode;
  children?: React.ReactNode;
  confirmLabel: string;
  confirmText?: string;
  onConfirm: () => Promise<ActionResult<unknown>>;
  /** After success (the dialog closes itself; the page refreshes unless this navigates away). */
  onDone?: () => void;
}) {
  const [typed, setTyped] = React.useState("");
  const action = useAction();
  const id = React.useId();
  const ready = !confirmText || typed === confirmText;
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (o) setTyped("");
        action.setError(undefined);
        onOpenChange(o);
      }}
    >
      <DialogContent>
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            if (!ready) return;
            const result = await action.run(onConfirm, { refresh: !onDone });
            if (result.ok) {
              onOpenChange(false);
              onDone?.();
            }
          }}
        >
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            {description ? <DialogDescription>{description}</DialogDescription> : null}
          </DialogHeader>
          <DialogBody>
            {children}
            {confirmText ? (
              <Field
                id={`${id}-confirm`}
                label={
                  <>
                    To confirm, enter <span className="font-mono">{confirmText}</span> in the text
                    input field.
                  </>
                }
              >
                <Input
                  autoComplete="off"
                  spellCheck={false}
                  placeholder={confirmText}
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                />
              </Field>
            ) : null}
            <ErrorAlert error={action.error} />
          </DialogBody>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="link" className="mr-3">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" variant="primary" disabled={!ready} loading={action.pending}>
              {confirmLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
