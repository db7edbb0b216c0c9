"use client";
// Group membership from either side, as AWS's console offers it: "Add users" on a group's Users
// tab and "Add user to groups" on a user's Groups tab. One dialog picks the names and adds them;
// the first refusal shows in AWS's words and the dialog stays open.
import * as React from "react";
import { toast } from "sonner";
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
import type { BatchFailure } from "./actions";
import { ErrorAlert } from "./error-alert";

export interface MembershipDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: React.ReactNode;
  submitLabel: string;
  /** Adds the memberships for the chosen names (users of a group, or groups of a user). */
  onAdd: (names: string[]) => Promise<ActionResult<{ failed: BatchFailure[] }>>;
  /** The toast once every membership is added. */
  success: (names: string[]) => string;
  /** The picker (NamePicker, GroupPicker) for the chosen names. */
  picker: (selected: string[], onChange: (names: string[]) => void) => React.ReactNode;
}

export function MembershipDialog({ open, onOpenChange, ...form }: MembershipDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent size="lg">
        {/* Mounted while open only: each opening starts with nothing chosen and no error. */}
        <MembershipForm {...form} onDone={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  );
}

function MembershipForm({
  title,
  description,
  submitLabel,
  onAdd,
  success,
  picker,
  onDone,
}: Omit<MembershipDialogProps, "open" | "onOpenChange"> & { onDone: () => void }) {
  const [chosen, setChosen] = React.useState<string[]>([]);
  const action = useAction();
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        if (chosen.length === 0) return;
        const result = await action.run(() => onAdd(chosen));
        if (!result.ok) return;
        const [first] = result.data.failed;
        if (first) {
          action.setError({ code: first.code, message: `${first.item}: ${first.message}` });
          return;
        }
        toast.success(success(chosen));
        onDone();
      }}
    >
      <DialogHeader>
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>{description}</DialogDescription>
      </DialogHeader>
      <DialogBody>
        {picker(chosen, setChosen)}
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
          disabled={chosen.length === 0}
          loading={action.pending}
        >
          {submitLabel}
        </Button>
      </DialogFooter>
    </form>
  );
}
