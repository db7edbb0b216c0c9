"use client";
// The visual editor: the policy as permission blocks. It edits a model of the document
// (./model); what it cannot show stays in the document as written and is listed read-only.
import * as React from "react";
import { Braces, Plus } from "lucide-react";
import { toast } from "sonner";
import type { ValidatePolicyFinding } from "@/lib/iam/validate";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useCatalog } from "../catalog-provider";
import {
  addBlock,
  blockServices,
  duplicateBlock,
  emptyBlock,
  findingStatement,
  insertBlock,
  parseToModel,
  removeBlock,
  updateBlock,
  type PermissionBlock,
  type VisualModel,
} from "../model";
import { PermissionBlockCard, type BlockCallbacks } from "./permission-block";
import { ReadOnlyJson } from "./read-only-json";

const KNOWN_TOP = new Set(["Version", "Id", "Statement"]);

export function blockDomId(idPrefix: string, index: number): string {
  return `${idPrefix}-block-${index + 1}`;
}

export function VisualEditor({
  idPrefix,
  model,
  onChange,
  findings,
  onShowJson,
  accountId,
  region,
  partition,
  expandRequest,
}: {
  idPrefix: string;
  model: VisualModel;
  onChange: (model: VisualModel) => void;
  findings: ValidatePolicyFinding[];
  onShowJson: () => void;
  accountId?: string;
  region?: string;
  partition?: string;
  /** A block to open and scroll to (from the findings list). */
  expandRequest?: { index: number; nonce: number };
}) {
  const { catalog, ensureServices, pending } = useCatalog();
  const [open, setOpen] = React.useState<Record<string, boolean>>({});
  const [focusId, setFocusId] = React.useState<string>();
  const latest = React.useRef(model);
  React.useEffect(() => {
    latest.current = model;
  }, [model]);
  const emit = React.useRef(onChange);
  React.useEffect(() => {
    emit.current = onChange;
  }, [onChange]);

  const defaultOpen = model.blocks.length <= 3;

  // Fetch the data of the services the blocks name.
  React.useEffect(() => {
    const prefixes = new Set<string>();
    for (const b of model.blocks) {
      const s = blockServices(b);
      if (s.kind === "one") prefixes.add(s.prefix);
      if (s.kind === "mixed") s.prefixes.forEach((p) => !/[*?]/.test(p) && prefixes.add(p));
    }
    if (prefixes.size > 0) ensureServices([...prefixes]);
  }, [model.blocks, ensureServices]);

  React.useEffect(() => {
    if (!expandRequest) return;
    const block = latest.current.blocks[expandRequest.index];
    if (!block) return;
    setOpen((o) => ({ ...o, [block.id]: true }));
    requestAnimationFrame(() =>
      document
        .getElementById(blockDomId(idPrefix, expandRequest.index))
        ?.scrollIntoView({ block: "start", behavior: "smooth" }),
    );
  }, [expandRequest, idPrefix]);

  const callbacks = React.useMemo<BlockCallbacks>(
    () => ({
      update: (id, change) => emit.current(updateBlock(latest.current, id, change)),
      duplicate: (id) => {
        const before = latest.current;
        const next = duplicateBlock(before, id);
        const copy = next.blocks[before.blocks.findIndex((b) => b.id === id) + 1];
        if (copy) setOpen((o) => ({ ...o, [copy.id]: true }));
        emit.current(next);
      },
      remove: (id) => {
        const before = latest.current;
        const index = before.blocks.findIndex((b) => b.id === id);
        const removed = before.blocks[index];
        emit.current(removeBlock(before, id));
        if (removed) {
          toast(`Permission block ${index + 1} removed`, {
            action: {
              label: "Undo",
              onClick: () => emit.current(insertBlock(latest.current, removed, index)),
            },
          });
        }
      },
      toggle: (id) =>
        setOpen((o) => ({ ...o, [id]: !(o[id] ?? latest.current.blocks.length <= 3) })),
    }),
    [],
  );

  if (model.unreadable) {
    return (
      <Alert
        type="warning"
        header="The visual editor can't show this policy"
        action={
          <Button variant="normal" onClick={onShowJson}>
            <Braces aria-hidden />
            Edit in JSON
          </Button>
        }
      >
        {model.unreadable.message}
        {model.unreadable.line
          ? ` (line ${model.unreadable.line}, column ${(model.unreadable.column ?? 0) + 1})`
          : ""}{" "}
        Fix it in the JSON tab; nothing is lost.
      </Alert>
    );
  }
  if (!catalog) {
    return (
      <p className="text-sm text-muted-foreground" role="status">
        Loading the IAM catalogue…
      </p>
    );
  }

  const byBlock = new Map<number, ValidatePolicyFinding[]>();
  for (const f of findings) {
    const i = findingStatement(f);
    if (i === undefined) continue;
    byBlock.set(i, [...(byBlock.get(i) ?? []), f]);
  }
  const unknownTop = model.members.filter((m) => !KNOWN_TOP.has(m.key));
  const version = model.members.find((m) => m.key === "Version");

  const add = () => {
    const block: PermissionBlock = emptyBlock(model.kind);
    // As IAM's visual editor does: the new block opens, the others close.
    setOpen(Object.fromEntries([...model.blocks.map((b) => [b.id, false]), [block.id, true]]));
    setFocusId(block.id);
    onChange(addBlock(model, block));
  };

  return (
    <div className="space-y-3">
      {!version ? (
        <Alert
          type="info"
          header="No Version"
          action={
            <Button
              size="sm"
              variant="normal"
              onClick={() => {
                const fresh = parseToModel("");
                onChange({
                  ...model,
                  order: ["Version", ...model.order],
                  members: [...fresh.members, ...model.members],
                });
              }}
            >
              Add Version
            </Button>
          }
        >
          Without &quot;Version&quot;: &quot;2012-10-17&quot;, IAM reads policy variables such as $
          {"{aws:username}"} as plain text.
        </Alert>
      ) : null}
      {unknownTop.map((m) => (
        <ReadOnlyJson
          key={m.key}
          label={m.key}
          reason={`${m.key} is not a policy element IAM knows (Version, Id, Statement).`}
          node={m.value}
        />
      ))}
      {model.blocks.length === 0 ? (
        <p className="rounded-xl border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
          This policy has no permissions yet.
        </p>
      ) : null}
      {model.blocks.map((block, index) => (
        <PermissionBlockCard
          key={block.id}
          domId={blockDomId(idPrefix, index)}
          block={block}
          index={index}
          kind={model.kind}
          catalog={catalog}
          loading={(() => {
            const s = blockServices(block);
            return s.kind === "one" && pending.has(s.prefix);
          })()}
          expanded={open[block.id] ?? defaultOpen}
          findings={byBlock.get(index) ?? EMPTY}
          callbacks={callbacks}
          accountId={accountId}
          region={region}
          partition={partition}
          autoFocus={block.id === focusId}
        />
      ))}
      <Button variant="normal" onClick={add}>
        <Plus aria-hidden />
        Add additional permissions
      </Button>
    </div>
  );
}

const EMPTY: ValidatePolicyFinding[] = [];
