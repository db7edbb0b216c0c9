"use client";
// "Resources": Specific (ARNs per resource type of the chosen actions, each with "Add ARN" and
// "Any"), All resources, or all except the listed ones (NotResource).
import * as React from "react";
import { Plus } from "lucide-react";
import { RadioGroup } from "radix-ui";
import type { Catalog, CatalogResourceType } from "@/lib/iam/catalog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import {
  anyArn,
  groupResources,
  resourceMode,
  resourceTypesForBlock,
  setResourceMode,
  setResources,
  type PermissionBlock,
  type ResourceMode,
} from "../model";
import { ValueChip } from "./action-picker";
import { AddArnDialog } from "./add-arn-dialog";

const MODES: { value: ResourceMode; label: string }[] = [
  { value: "specific", label: "Specific" },
  { value: "all", label: "All resources" },
  { value: "except", label: "All except specific (NotResource)" },
];

export function ResourcePicker({
  idPrefix,
  block,
  prefix,
  catalog,
  onChange,
  accountId,
  region,
  partition,
}: {
  idPrefix: string;
  block: PermissionBlock;
  /** The block's one service, when it has one (resource types come from its actions). */
  prefix?: string;
  catalog: Catalog;
  onChange: (change: (block: PermissionBlock) => PermissionBlock) => void;
  accountId?: string;
  region?: string;
  partition?: string;
}) {
  const [dialog, setDialog] = React.useState<{ type?: CatalogResourceType } | undefined>();
  const mode = resourceMode(block) ?? "specific";
  const values = block.resource?.values ?? [];
  const { types, wildcardOnly } = prefix
    ? resourceTypesForBlock(block, prefix, catalog)
    : { types: [], wildcardOnly: [] };
  const { byType, other } = groupResources(values, types, catalog);
  const add = (arns: string[]) =>
    onChange((b) =>
      setResources(b, [...(b.resource?.values ?? []).filter((v) => v !== "*"), ...arns]),
    );
  const remove = (arn: string) =>
    onChange((b) =>
      setResources(
        b,
        (b.resource?.values ?? []).filter((v) => v !== arn),
      ),
    );
  const labelId = `${idPrefix}-resources-label`;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <p id={labelId} className="text-sm font-bold">
          Resources
        </p>
        <RadioGroup.Root
          value={mode}
          onValueChange={(v) => onChange((b) => setResourceMode(b, v as ResourceMode))}
          aria-labelledby={labelId}
          className="flex flex-wrap gap-x-4 gap-y-1 text-sm"
        >
          {MODES.filter((m) => m.value !== "except" || mode === "except" || values.length > 0).map(
            (m) => (
              <label key={m.value} className="flex cursor-pointer items-center gap-1.5">
                <RadioGroup.Item
                  value={m.value}
                  className="flex size-4 items-center justify-center rounded-full border-2 border-input bg-card data-[state=checked]:border-primary"
                >
                  <RadioGroup.Indicator className="size-2 rounded-full bg-primary" />
                </RadioGroup.Item>
                {m.label}
              </label>
            ),
          )}
        </RadioGroup.Root>
      </div>

      {mode === "all" ? (
        <p className="text-sm text-muted-foreground">
          The block applies to every resource the chosen actions act on (
          <code className="font-mono">&quot;*&quot;</code>).
        </p>
      ) : (
        <>
          {mode === "specific" && wildcardOnly.length > 0 ? (
            <Alert type="info">
              {wildcardOnly.map((a) => a.name).join(", ")}{" "}
              {wildcardOnly.length === 1 ? "works" : "work"} only with All resources: with specific
              resources {wildcardOnly.length === 1 ? "it is" : "they are"} not{" "}
              {block.effect === "Deny" ? "denied" : "granted"}. Put{" "}
              {wildcardOnly.length === 1 ? "it" : "them"} in a block with All resources.
            </Alert>
          ) : null}
          {mode === "except" ? (
            <p className="text-sm text-muted-foreground">
              The block applies to every resource except the ones listed.
            </p>
          ) : null}
          {types.length > 0 ? (
            <div className="divide-y rounded-lg border">
              {types.map((type) => {
                const arns = byType.get(type.name) ?? [];
                const any = anyArn(type, partition);
                const hasAny = values.includes(any);
                return (
                  <div
                    key={type.name}
                    className="space-y-2 px-3 py-2.5"
                    role="group"
                    aria-label={`${type.name} resources`}
                  >
                    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
                      <span className="min-w-24 text-sm font-bold">{type.name}</span>
                      <span
                        className="min-w-0 flex-1 truncate font-mono text-xs text-muted-foreground"
                        title={type.arn}
                      >
                        {type.arn}
                      </span>
                      <label className="flex items-center gap-1.5 text-sm">
                        <Checkbox
                          checked={hasAny}
                          onCheckedChange={(c) => (c === true ? add([any]) : remove(any))}
                          aria-label={`Any ${type.name} resource`}
                        />
                        Any
                      </label>
                      <Button size="sm" variant="normal" onClick={() => setDialog({ type })}>
                        <Plus aria-hidden />
                        Add ARN
                      </Button>
                    </div>
                    {arns.length > 0 ? (
                      <ul className="space-y-1">
                        {arns.map((arn) => (
                          <ValueChip key={arn} value={arn} onRemove={() => remove(arn)} />
                        ))}
                      </ul>
                    ) : (
                      <p className="text-xs text-muted-foreground">
                        No {type.name} resources yet: choose Add ARN, or Any.
                      </p>
                    )}
                  </div>
                );
              })}
            </div>
          ) : null}
          {other.length > 0 || types.length === 0 ? (
            <div className="space-y-2" role="group" aria-label="Other resources">
              <div className="flex items-center justify-between gap-2">
                <span className="text-sm font-bold">
                  {types.length > 0 ? "Other resources" : "Resource ARNs"}
                </span>
                {types.length === 0 ? (
                  <Button size="sm" variant="normal" onClick={() => setDialog({})}>
                    <Plus aria-hidden />
                    Add ARN
                  </Button>
                ) : null}
              </div>
              {types.length > 0 ? (
                <p className="text-xs text-muted-foreground">
                  These ARNs name no resource type of the chosen actions: they match nothing for
                  them.
                </p>
              ) : null}
              {other.length > 0 ? (
                <ul className="space-y-1">
                  {other.map((arn) => (
                    <ValueChip key={arn} value={arn} onRemove={() => remove(arn)} />
                  ))}
                </ul>
              ) : (
                <p className="text-xs text-muted-foreground">No resources yet.</p>
              )}
            </div>
          ) : null}
        </>
      )}
      <AddArnDialog
        open={dialog !== undefined}
        onOpenChange={(o) => !o && setDialog(undefined)}
        type={dialog?.type}
        onAdd={add}
        accountId={accountId}
        region={region}
        partition={partition}
      />
    </div>
  );
}
