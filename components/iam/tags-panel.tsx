"use client";

import * as React from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/components/actions/result";
import { useAction } from "@/components/actions/use-action";
import { TagsEditor } from "@/components/secrets/tags-editor";
import { type TagRow, rowsToTags, tagRowErrors } from "@/components/secrets/tags-model";
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
import { ErrorAlert } from "./error-alert";
import type { TagView } from "./types";

/** The Tags tab of a user, role or policy: the tags, and a dialog to edit them. */
export function TagsPanel({
  tags,
  hint,
  description,
  onSave,
}: {
  tags: TagView[];
  hint?: string;
  description: string;
  onSave: (changed: TagView[], removedKeys: string[]) => Promise<ActionResult<null>>;
}) {
  const [open, setOpen] = React.useState(false);
  const [rows, setRows] = React.useState<TagRow[]>([]);
  const [showErrors, setShowErrors] = React.useState(false);
  const action = useAction();
  return (
    <Container
      header={
        <ContainerHeader
          title="Tags"
          counter={tags.length}
          description={description}
          actions={
            <DisabledReason reason={hint}>
              <Button onClick={() => setOpen(true)}>Manage tags</Button>
            </DisabledReason>
          }
        />
      }
      bodyClassName="px-0"
    >
      {tags.length === 0 ? (
        <p className="px-5 text-sm text-muted-foreground">No tags associated with the resource.</p>
      ) : (
        <Table aria-label="Tags">
          <THead>
            <tr>
              <TH className="w-1/3">Key</TH>
              <TH>Value</TH>
            </tr>
          </THead>
          <TBody>
            {tags.map((tag) => (
              <TR key={tag.Key}>
                <TD className="break-all">{tag.Key}</TD>
                <TD className="break-all">
                  {tag.Value || <span className="text-muted-foreground">-</span>}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <Dialog
        open={open}
        onOpenChange={(o) => {
          if (o) {
            setRows(tags.map((t) => ({ key: t.Key, value: t.Value })));
            setShowErrors(false);
          }
          action.setError(undefined);
          setOpen(o);
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
              const result = await action.run(() => onSave(changed, removed));
              if (result.ok) {
                toast.success("The tags were saved.");
                setOpen(false);
              }
            }}
          >
            <DialogHeader>
              <DialogTitle>Manage tags</DialogTitle>
              <DialogDescription>
                Tags are key/value labels. Policies can use them to control access.
              </DialogDescription>
            </DialogHeader>
            <DialogBody>
              <TagsEditor rows={rows} onChange={setRows} showErrors={showErrors} />
              <ErrorAlert error={action.error} />
            </DialogBody>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="link" className="mr-3">
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" variant="primary" loading={action.pending}>
                Save changes
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </Container>
  );
}
