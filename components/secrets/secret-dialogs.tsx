"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { ActionResult } from "@/components/actions/result";
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
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { deleteSecretAction, updateDescriptionAction, updateTagsAction } from "./actions";
import { TagsEditor } from "./tags-editor";
import { type TagRow, rowsToTags, tagRowErrors } from "./tags-model";
import type { TagView } from "./types";

type DialogProps = { open: boolean; onOpenChange: (open: boolean) => void };

/** Runs a mutation for a dialog: pending state, the AWS error, and a refresh on success. */
function useMutation<T>() {
  const router = useRouter();
  const [pending, setPending] = React.useState(false);
  const [error, setError] = React.useState<{ code: string; message: string; field?: string }>();
  const run = async (call: () => Promise<ActionResult<T>>): Promise<T | undefined> => {
    setPending(true);
    setError(undefined);
    const result = await call();
    setPending(false);
    if (!result.ok) {
      setError(result);
      return undefined;
    }
    router.refresh();
    return result.data;
  };
  return { pending, error, setError, run };
}

export function EditDescriptionDialog({
  secretId,
  description,
  open,
  onOpenChange,
}: DialogProps & { secretId: string; description?: string }) {
  const [text, setText] = React.useState(description ?? "");
  const m = useMutation<null>();
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (o) setText(description ?? "");
        m.setError(undefined);
        onOpenChange(o);
      }}
    >
      <DialogContent>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const done = await m.run(() => updateDescriptionAction(secretId, text));
            if (done !== undefined) {
              toast.success("The secret description was updated.");
              onOpenChange(false);
            }
          }}
        >
          <DialogHeader>
            <DialogTitle>Edit description</DialogTitle>
            <DialogDescription>Change the description of this secret.</DialogDescription>
          </DialogHeader>
          <DialogBody>
            <Field
              id="edit-description"
              label="Description"
              optional
              constraint="Maximum 2048 characters."
              error={m.error?.field ? m.error.message : undefined}
            >
              <Textarea rows={4} value={text} onChange={(e) => setText(e.target.value)} />
            </Field>
            {m.error && !m.error.field ? (
              <Alert type="error" header={m.error.code}>
                {m.error.message}
              </Alert>
            ) : null}
          </DialogBody>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="link" className="mr-3">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" variant="primary" loading={m.pending}>
              Save
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function DeleteSecretDialog({
  secretId,
  name,
  open,
  onOpenChange,
  onScheduled,
}: DialogProps & { secretId: string; name: string; onScheduled: (deletionDate: string) => void }) {
  const [days, setDays] = React.useState("30");
  const m = useMutation<{ DeletionDate: string }>();
  const n = Number(days);
  const invalid = !/^\d+$/.test(days) || n < 7 || n > 30;
  const [touched, setTouched] = React.useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (o) {
          setDays("30");
          setTouched(false);
        }
        m.setError(undefined);
        onOpenChange(o);
      }}
    >
      <DialogContent>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            setTouched(true);
            if (invalid) return;
            const done = await m.run(() => deleteSecretAction(secretId, n));
            if (done) {
              onScheduled(done.DeletionDate);
              onOpenChange(false);
            }
          }}
        >
          <DialogHeader>
            <DialogTitle>Schedule secret deletion</DialogTitle>
            <DialogDescription>
              Secrets Manager deletes <span className="font-bold break-all">{name}</span> after the
              waiting period ends.
            </DialogDescription>
          </DialogHeader>
          <DialogBody>
            <Field
              id="waiting-period"
              label="Waiting period"
              description="Enter a waiting period (in days)."
              constraint="The waiting period must be between 7 and 30 days."
              error={
                touched && invalid
                  ? "Enter a number of days between 7 and 30."
                  : m.error?.field
                    ? m.error.message
                    : undefined
              }
              className="max-w-48"
            >
              <Input
                type="number"
                min={7}
                max={30}
                inputMode="numeric"
                value={days}
                onChange={(e) => setDays(e.target.value)}
                onBlur={() => setTouched(true)}
              />
            </Field>
            <Alert type="warning">
              During the waiting period the secret can&apos;t be retrieved or changed, and
              applications that use it fail to get its value. You can cancel the deletion until the
              waiting period ends. After that, the secret and all of its versions are deleted
              permanently and can&apos;t be recovered.
            </Alert>
            {m.error && !m.error.field ? (
              <Alert type="error" header={m.error.code}>
                {m.error.message}
              </Alert>
            ) : null}
          </DialogBody>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="link" className="mr-3">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" variant="primary" loading={m.pending}>
              Schedule deletion
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function EditTagsDialog({
  secretId,
  tags,
  open,
  onOpenChange,
}: DialogProps & { secretId: string; tags: TagView[] }) {
  const toRows = (t: TagView[]): TagRow[] => t.map((x) => ({ key: x.Key, value: x.Value }));
  const [rows, setRows] = React.useState<TagRow[]>(toRows(tags));
  const [showErrors, setShowErrors] = React.useState(false);
  const m = useMutation<null>();
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (o) {
          setRows(toRows(tags));
          setShowErrors(false);
        }
        m.setError(undefined);
        onOpenChange(o);
      }}
    >
      <DialogContent size="lg">
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            setShowErrors(true);
            if (Object.keys(tagRowErrors(rows)).length > 0) return;
            const next = rowsToTags(rows);
            const keys = new Set(next.map((t) => t.Key));
            const removed = tags.filter((t) => !keys.has(t.Key)).map((t) => t.Key);
            const before = new Map(tags.map((t) => [t.Key, t.Value]));
            const changed = next.filter((t) => before.get(t.Key) !== t.Value);
            const done = await m.run(() => updateTagsAction(secretId, changed, removed));
            if (done !== undefined) {
              toast.success("The tags were saved.");
              onOpenChange(false);
            }
          }}
        >
          <DialogHeader>
            <DialogTitle>Edit tags</DialogTitle>
            <DialogDescription>
              Tags are key/value labels. Policies can use them to control access to the secret.
            </DialogDescription>
          </DialogHeader>
          <DialogBody>
            <TagsEditor rows={rows} onChange={setRows} showErrors={showErrors} />
            {m.error ? (
              <Alert type="error" header={m.error.code}>
                {m.error.message}
              </Alert>
            ) : null}
          </DialogBody>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="link" className="mr-3">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" variant="primary" loading={m.pending}>
              Save
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
