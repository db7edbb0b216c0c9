"use client";
// One permission block (statement): a collapsible card whose header says in one line what it
// does, with Duplicate and Remove; inside, effect, principals, service, actions, resources and
// request conditions. Parts the editor cannot show are listed read-only, never dropped.
import * as React from "react";
import { ChevronDown, ChevronRight, Copy, Trash2 } from "lucide-react";
import { RadioGroup } from "radix-ui";
import type { PolicyKind } from "@/lib/iam";
import type { Catalog } from "@/lib/iam/catalog";
import type { ValidatePolicyFinding } from "@/lib/iam/validate";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import {
  blockServices,
  blockSummary,
  blockTitle,
  blockToJson,
  countFindings,
  removeActionValue,
  addActionValue,
  setEffect,
  setService,
  setSid,
  type PermissionBlock,
} from "../model";
import { FindingIcon } from "../json/findings-panel";
import { ActionPicker, ValueChip } from "./action-picker";
import { ConditionList } from "./conditions";
import { PrincipalList } from "./principals";
import { ReadOnlyJson } from "./read-only-json";
import { ResourcePicker } from "./resource-picker";
import { ServicePicker } from "./service-picker";

export interface BlockCallbacks {
  update: (id: string, change: (block: PermissionBlock) => PermissionBlock) => void;
  duplicate: (id: string) => void;
  remove: (id: string) => void;
  toggle: (id: string) => void;
}

export const PermissionBlockCard = React.memo(function PermissionBlockCard({
  block,
  index,
  kind,
  catalog,
  loading,
  expanded,
  findings,
  callbacks,
  accountId,
  region,
  partition,
  autoFocus,
  domId,
}: {
  block: PermissionBlock;
  index: number;
  kind: PolicyKind;
  catalog: Catalog;
  loading: boolean;
  expanded: boolean;
  findings: ValidatePolicyFinding[];
  callbacks: BlockCallbacks;
  accountId?: string;
  region?: string;
  partition?: string;
  autoFocus?: boolean;
  domId: string;
}) {
  const title = blockTitle(block, catalog);
  const summary = blockSummary(block, catalog);
  const counts = countFindings(findings);
  const services = blockServices(block);
  const change = (fn: (b: PermissionBlock) => PermissionBlock) => callbacks.update(block.id, fn);
  const bodyId = `${domId}-body`;
  const idPrefix = domId;
  const raw = (key: string) => block.raw.find((r) => r.key === key);
  const readOnlyKeys = new Set(block.raw.map((r) => r.key));
  const showPrincipals = block.principal || kind === "trust" || kind === "resource";

  return (
    <section
      id={domId}
      aria-label={`Permission block ${index + 1}`}
      className={cn(
        "rounded-xl border bg-card shadow-[0_1px_1px_0_rgb(0_28_36/0.2)] dark:shadow-none",
        block.effect === "Deny" && "border-l-4 border-l-destructive",
      )}
    >
      <div className="flex items-start gap-2 px-3 py-2.5">
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={() => callbacks.toggle(block.id)}
          className="flex min-w-0 flex-1 items-start gap-2 rounded-md text-left"
        >
          {expanded ? (
            <ChevronDown className="mt-0.5 size-5 shrink-0" aria-hidden />
          ) : (
            <ChevronRight className="mt-0.5 size-5 shrink-0" aria-hidden />
          )}
          <span className="min-w-0">
            <span className="flex flex-wrap items-center gap-2">
              <span className="text-base font-bold">{title}</span>
              {block.sid ? (
                <span className="rounded-sm bg-muted px-1.5 font-mono text-xs text-muted-foreground">
                  {block.sid}
                </span>
              ) : null}
            </span>
            <span className="block text-sm text-muted-foreground">{summary}</span>
          </span>
        </button>
        <span className="flex shrink-0 flex-wrap items-center justify-end gap-1">
          {(["ERROR", "SECURITY_WARNING", "WARNING"] as const).map((type) =>
            counts[type] > 0 ? (
              <Badge
                key={type}
                tone="neutral"
                className="gap-1"
                title={`${counts[type]} ${type.toLowerCase().replace("_", " ")}(s)`}
              >
                <FindingIcon type={type} className="size-3.5" />
                {counts[type]}
              </Badge>
            ) : null,
          )}
          {block.effect ? (
            <span
              className={cn(
                "rounded-full px-2 py-0.5 text-xs leading-4 font-bold ring-1 ring-inset",
                block.effect === "Deny"
                  ? "bg-error-soft text-destructive ring-destructive/50"
                  : "bg-success-soft text-success ring-success/50",
              )}
            >
              {block.effect}
            </span>
          ) : null}
          <Button
            size="sm"
            variant="ghost"
            onClick={() => callbacks.duplicate(block.id)}
            aria-label={`Duplicate permission block ${index + 1}`}
            title="Duplicate"
          >
            <Copy aria-hidden />
            <span className="max-sm:sr-only">Duplicate</span>
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => callbacks.remove(block.id)}
            aria-label={`Remove permission block ${index + 1}`}
            title="Remove"
          >
            <Trash2 aria-hidden />
            <span className="max-sm:sr-only">Remove</span>
          </Button>
        </span>
      </div>

      {expanded ? (
        <div id={bodyId} className="space-y-5 border-t px-4 py-4">
          {block.rawStatement ? (
            <ReadOnlyJson
              label={`Statement ${index + 1}`}
              reason={block.rawStatement.reason}
              text={blockToJson(block)}
            />
          ) : (
            <>
              <div className="flex flex-wrap items-end gap-x-8 gap-y-3">
                {block.effect ? (
                  <fieldset>
                    <legend className="mb-1 text-sm font-bold">Effect</legend>
                    <RadioGroup.Root
                      value={block.effect}
                      onValueChange={(v) => change((b) => setEffect(b, v as "Allow" | "Deny"))}
                      aria-label="Effect"
                      className="flex gap-4 text-sm"
                    >
                      {(["Allow", "Deny"] as const).map((effect) => (
                        <label key={effect} className="flex cursor-pointer items-center gap-1.5">
                          <RadioGroup.Item
                            value={effect}
                            className="flex size-4 items-center justify-center rounded-full border-2 border-input bg-card data-[state=checked]:border-primary"
                          >
                            <RadioGroup.Indicator className="size-2 rounded-full bg-primary" />
                          </RadioGroup.Item>
                          {effect}
                        </label>
                      ))}
                    </RadioGroup.Root>
                  </fieldset>
                ) : null}
                {!readOnlyKeys.has("Sid") ? (
                  <div className="flex w-64 flex-col gap-1">
                    <label htmlFor={`${idPrefix}-sid`} className="text-sm font-bold">
                      Statement ID (Sid){" "}
                      <span className="font-normal text-muted-foreground italic">- optional</span>
                    </label>
                    <Input
                      id={`${idPrefix}-sid`}
                      value={block.sid ?? ""}
                      onChange={(e) => change((b) => setSid(b, e.target.value))}
                      className="font-mono"
                      spellCheck={false}
                      autoComplete="off"
                    />
                  </div>
                ) : null}
              </div>
              {raw("Effect") ? (
                <ReadOnlyJson
                  label="Effect"
                  reason={raw("Effect")!.reason}
                  node={raw("Effect")!.value}
                />
              ) : null}

              {showPrincipals && !raw("Principal") && !raw("NotPrincipal") ? (
                <PrincipalList
                  idPrefix={idPrefix}
                  block={block}
                  onChange={change}
                  accountId={accountId}
                />
              ) : null}

              {raw("Action") || raw("NotAction") ? (
                <ReadOnlyJson
                  label="Actions"
                  reason={(raw("Action") ?? raw("NotAction"))!.reason}
                  node={(raw("Action") ?? raw("NotAction"))!.value}
                />
              ) : services.kind === "none" || services.kind === "one" ? (
                <div className="space-y-4">
                  <ServicePicker
                    id={`${idPrefix}-service`}
                    catalog={catalog}
                    value={services.kind === "one" ? services.prefix : ""}
                    onChoose={(prefix) => change((b) => setService(b, prefix))}
                    autoFocus={autoFocus}
                  />
                  {services.kind === "one" ? (
                    <ActionPicker
                      idPrefix={idPrefix}
                      block={block}
                      prefix={services.prefix}
                      catalog={catalog}
                      loading={loading}
                      onChange={change}
                    />
                  ) : null}
                </div>
              ) : (
                <PatternList
                  block={block}
                  onChange={change}
                  idPrefix={idPrefix}
                  all={services.kind === "all"}
                />
              )}

              {raw("Resource") || raw("NotResource") ? (
                <ReadOnlyJson
                  label="Resources"
                  reason={(raw("Resource") ?? raw("NotResource"))!.reason}
                  node={(raw("Resource") ?? raw("NotResource"))!.value}
                />
              ) : block.resource || kind !== "trust" ? (
                <ResourcePicker
                  idPrefix={idPrefix}
                  block={block}
                  prefix={services.kind === "one" ? services.prefix : undefined}
                  catalog={catalog}
                  onChange={change}
                  accountId={accountId}
                  region={region}
                  partition={partition}
                />
              ) : null}

              {raw("Condition") ? (
                <ReadOnlyJson
                  label="Request conditions"
                  reason={raw("Condition")!.reason}
                  node={raw("Condition")!.value}
                />
              ) : (
                <ConditionList
                  idPrefix={idPrefix}
                  block={block}
                  catalog={catalog}
                  onChange={change}
                />
              )}

              {block.raw
                .filter(
                  (r) =>
                    ![
                      "Effect",
                      "Action",
                      "NotAction",
                      "Resource",
                      "NotResource",
                      "Condition",
                      "Principal",
                      "NotPrincipal",
                    ].includes(r.key),
                )
                .map((r) => (
                  <ReadOnlyJson key={r.key} label={r.key} reason={r.reason} node={r.value} />
                ))}
            </>
          )}
        </div>
      ) : null}
    </section>
  );
});

/** Actions of several services, or of every service: a list of patterns to edit as text. */
function PatternList({
  block,
  onChange,
  idPrefix,
  all,
}: {
  block: PermissionBlock;
  onChange: (change: (block: PermissionBlock) => PermissionBlock) => void;
  idPrefix: string;
  all: boolean;
}) {
  const [text, setText] = React.useState("");
  const values = block.action?.values ?? [];
  const not = block.action?.element === "NotAction";
  const add = () => {
    const v = text.trim();
    if (!v) return;
    onChange((b) => addActionValue(b, v));
    setText("");
  };
  return (
    <div className="space-y-2">
      <p className="text-sm font-bold">{not ? "All actions except (NotAction)" : "Actions"}</p>
      <p className="text-xs text-muted-foreground">
        {all
          ? "This block names every action of every service (*)."
          : "This block names actions of several services (or a wildcard service), so they are listed as written. To pick actions from the catalogue, use one block per service."}
      </p>
      <ul className="space-y-1">
        {values.map((v) => (
          <ValueChip key={v} value={v} onRemove={() => onChange((b) => removeActionValue(b, v))} />
        ))}
      </ul>
      <div className="flex max-w-md gap-2">
        <Input
          aria-label="Action to add"
          id={`${idPrefix}-pattern`}
          placeholder="service:Action or service:Get*"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            }
          }}
          className="font-mono"
          spellCheck={false}
        />
        <Button variant="normal" onClick={add}>
          Add
        </Button>
      </div>
    </div>
  );
}
