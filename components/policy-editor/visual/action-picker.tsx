"use client";
// "Actions": all of the service's actions (service:*), or a tree by access level with a filter,
// typed wildcards shown with what they match, and "all actions except these" (NotAction).
import * as React from "react";
import { ChevronDown, ChevronRight, Loader2, Plus, X } from "lucide-react";
import { Checkbox } from "radix-ui";
import { Check, Minus } from "lucide-react";
import { RadioGroup } from "radix-ui";
import {
  ACCESS_LEVELS,
  type AccessLevel,
  type Catalog,
  type CatalogAction,
} from "@/lib/iam/catalog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import {
  actionSelection,
  actionsByLevel,
  addActionValue,
  isChosen,
  normalizeActionInput,
  removeActionValue,
  setActionElement,
  setAllActions,
  setLevel,
  shortServiceName,
  toggleAction,
  type PermissionBlock,
} from "../model";

export function TriCheckbox({
  id,
  checked,
  onCheckedChange,
  disabled,
  label,
  className,
}: {
  id?: string;
  checked: boolean | "indeterminate";
  onCheckedChange: (checked: boolean) => void;
  disabled?: boolean;
  label?: string;
  className?: string;
}) {
  return (
    <Checkbox.Root
      id={id}
      checked={checked}
      disabled={disabled}
      aria-label={label}
      onCheckedChange={(c) => onCheckedChange(c === true)}
      className={cn(
        "flex size-4 shrink-0 items-center justify-center rounded-[3px] border-2 border-input bg-card disabled:cursor-not-allowed disabled:opacity-60 data-[state=checked]:border-primary data-[state=checked]:bg-primary data-[state=checked]:text-primary-foreground data-[state=indeterminate]:border-primary data-[state=indeterminate]:bg-primary data-[state=indeterminate]:text-primary-foreground",
        className,
      )}
    >
      <Checkbox.Indicator>
        {checked === "indeterminate" ? (
          <Minus className="size-3" strokeWidth={3} aria-hidden />
        ) : (
          <Check className="size-3" strokeWidth={3} aria-hidden />
        )}
      </Checkbox.Indicator>
    </Checkbox.Root>
  );
}

const OPEN_ALL_UP_TO = 40;

export function ActionPicker({
  idPrefix,
  block,
  prefix,
  catalog,
  loading,
  onChange,
}: {
  idPrefix: string;
  block: PermissionBlock;
  prefix: string;
  catalog: Catalog;
  loading: boolean;
  onChange: (change: (block: PermissionBlock) => PermissionBlock) => void;
}) {
  const service = catalog.getService(prefix);
  const summary = catalog.matchServices(prefix)[0];
  const serviceName = summary ? shortServiceName(summary.name) : prefix;
  const [filter, setFilter] = React.useState("");
  // A small service shows every level open; a large one opens the levels with chosen actions.
  const [open, setOpen] = React.useState<ReadonlySet<AccessLevel>>(() => {
    if (!service) return new Set();
    if (service.actions.length <= OPEN_ALL_UP_TO) return new Set(ACCESS_LEVELS);
    const selection = actionSelection(block, prefix, catalog);
    return new Set(service.actions.filter((a) => isChosen(selection, a)).map((a) => a.accessLevel));
  });
  const [typed, setTyped] = React.useState("");
  const [typedError, setTypedError] = React.useState<string>();
  const not = block.action?.element === "NotAction";
  const deny = block.effect === "Deny";

  if (!service) {
    return (
      <p className="flex items-center gap-2 text-sm text-muted-foreground" role="status">
        {loading ? <Loader2 className="size-4 animate-spin" aria-hidden /> : null}
        {loading
          ? `Loading the actions of ${serviceName}…`
          : `The actions of ${serviceName} are not available.`}
      </p>
    );
  }

  const selection = actionSelection(block, prefix, catalog);
  const byLevel = actionsByLevel(service.actions);
  const q = filter.trim().toLowerCase();
  const matches = (a: CatalogAction) => !q || a.name.toLowerCase().includes(q);
  const typedPreview = (() => {
    const normalized = normalizeActionInput(prefix, typed);
    if (!typed.trim() || "error" in normalized) return undefined;
    const pattern = normalized.value.slice(normalized.value.indexOf(":") + 1);
    if (!/[*?]/.test(pattern)) return undefined;
    return actionSelection(
      { ...block, action: { element: "Action", values: [normalized.value], array: false } },
      prefix,
      catalog,
    ).patterns[0]?.matches;
  })();

  const addTyped = () => {
    const normalized = normalizeActionInput(prefix, typed);
    if ("error" in normalized) {
      setTypedError(normalized.error);
      return;
    }
    onChange((b) => addActionValue(b, normalized.value));
    setTyped("");
    setTypedError(undefined);
  };

  const verb = deny ? "denied" : "allowed";
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm font-bold">
            {not ? `All actions ${verb} except the chosen ones` : `Actions ${verb}`}
          </p>
          <p className="text-xs text-muted-foreground">
            {not
              ? `The block ${deny ? "denies" : "allows"} every action of every service except the ${serviceName} actions chosen here.`
              : `Choose the ${serviceName} actions this block ${deny ? "denies" : "allows"}.`}
          </p>
        </div>
        <RadioGroup.Root
          value={not ? "NotAction" : "Action"}
          onValueChange={(v) => onChange((b) => setActionElement(b, v as "Action" | "NotAction"))}
          aria-label="Apply the effect to"
          className="flex flex-wrap gap-x-4 gap-y-1 text-sm"
        >
          {(
            [
              ["Action", "The chosen actions"],
              ["NotAction", "All actions except the chosen (NotAction)"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex cursor-pointer items-center gap-1.5">
              <RadioGroup.Item
                value={value}
                className="flex size-4 items-center justify-center rounded-full border-2 border-input bg-card data-[state=checked]:border-primary"
              >
                <RadioGroup.Indicator className="size-2 rounded-full bg-primary" />
              </RadioGroup.Item>
              {label}
            </label>
          ))}
        </RadioGroup.Root>
      </div>
      {not && !deny ? (
        <Alert type="warning" header="Allow with NotAction">
          This block allows every action of every service except the ones chosen. Prefer listing the
          actions to allow.
        </Alert>
      ) : null}

      <div className="flex items-center gap-2">
        <TriCheckbox
          id={`${idPrefix}-all`}
          checked={selection.all}
          onCheckedChange={(c) => onChange((b) => setAllActions(b, prefix, c))}
        />
        <label htmlFor={`${idPrefix}-all`} className="text-sm font-bold">
          All {serviceName} actions ({prefix}:*)
        </label>
      </div>

      <div className="rounded-lg border">
        <div className="flex flex-wrap items-center gap-2 border-b px-3 py-2">
          <Input
            aria-label="Filter actions"
            placeholder="Filter actions"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            className="h-7 max-w-64"
          />
          <span className="text-xs text-muted-foreground">Access level</span>
          <div className="ml-auto flex gap-1">
            <Button size="sm" variant="ghost" onClick={() => setOpen(new Set(ACCESS_LEVELS))}>
              Expand all
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setOpen(new Set())}>
              Collapse all
            </Button>
          </div>
        </div>
        <ul className="divide-y">
          {ACCESS_LEVELS.map((level) => {
            const all = byLevel.get(level) ?? [];
            if (all.length === 0) return null;
            const visible = all.filter(matches);
            if (q && visible.length === 0) return null;
            const chosen = all.filter((a) => isChosen(selection, a)).length;
            const expanded = open.has(level) || (q !== "" && visible.length > 0);
            const levelId = `${idPrefix}-level-${level.replace(/\s+/g, "-").toLowerCase()}`;
            return (
              <li key={level}>
                <div className="flex items-center gap-2 px-3 py-1.5">
                  <TriCheckbox
                    checked={chosen === all.length ? true : chosen > 0 ? "indeterminate" : false}
                    disabled={selection.all}
                    label={`All ${level} actions`}
                    onCheckedChange={(c) => onChange((b) => setLevel(b, prefix, all, c))}
                  />
                  <button
                    type="button"
                    aria-expanded={expanded}
                    aria-controls={levelId}
                    onClick={() =>
                      setOpen((current) => {
                        const next = new Set(current);
                        if (next.has(level)) next.delete(level);
                        else next.add(level);
                        return next;
                      })
                    }
                    className="flex flex-1 items-center gap-1 text-left text-sm font-bold"
                  >
                    {expanded ? (
                      <ChevronDown className="size-4" aria-hidden />
                    ) : (
                      <ChevronRight className="size-4" aria-hidden />
                    )}
                    {level}
                    <span className="font-normal text-muted-foreground">
                      ({chosen} of {all.length} chosen)
                    </span>
                  </button>
                </div>
                {expanded ? (
                  <div
                    id={levelId}
                    role="group"
                    aria-label={`${level} actions`}
                    className="grid gap-x-4 gap-y-1 px-9 pb-2 sm:grid-cols-2 lg:grid-cols-3"
                  >
                    {visible.map((action) => {
                      const lower = action.name.toLowerCase();
                      const via = selection.all ? `${prefix}:*` : selection.covered.get(lower);
                      const explicitly = selection.explicit.has(lower);
                      const id = `${idPrefix}-action-${action.name}`;
                      return (
                        <div
                          key={action.name}
                          className="flex min-w-0 items-center gap-2"
                          title={action.description}
                        >
                          <TriCheckbox
                            id={id}
                            checked={explicitly || via !== undefined}
                            disabled={selection.all || (via !== undefined && !explicitly)}
                            onCheckedChange={(c) =>
                              onChange((b) => toggleAction(b, prefix, action.name, c))
                            }
                          />
                          <label htmlFor={id} className="min-w-0 truncate text-sm">
                            {action.name}
                          </label>
                          {via && !explicitly && !selection.all ? (
                            <span className="shrink-0 text-xs text-muted-foreground">
                              by {via.slice(via.indexOf(":") + 1)}
                            </span>
                          ) : null}
                        </div>
                      );
                    })}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      </div>

      <div className="space-y-1">
        <label htmlFor={`${idPrefix}-typed`} className="text-sm font-bold">
          Add actions by name or wildcard
        </label>
        <p id={`${idPrefix}-typed-hint`} className="text-xs text-muted-foreground">
          For example Get* or Describe*: * matches any characters, ? one.
        </p>
        <div className="flex max-w-md gap-2">
          <Input
            id={`${idPrefix}-typed`}
            value={typed}
            aria-describedby={`${idPrefix}-typed-hint`}
            aria-invalid={typedError ? true : undefined}
            onChange={(e) => {
              setTyped(e.target.value);
              setTypedError(undefined);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                addTyped();
              }
            }}
            className="font-mono"
            spellCheck={false}
          />
          <Button variant="normal" size="md" onClick={addTyped}>
            <Plus aria-hidden />
            Add
          </Button>
        </div>
        {typedError ? <FieldError>{typedError}</FieldError> : null}
        {typedPreview ? (
          <p className="text-xs text-muted-foreground" aria-live="polite">
            {typedPreview.length === 0
              ? "Matches no action of this service."
              : `Matches ${typedPreview.map((a) => a.name).join(", ")}.`}
          </p>
        ) : null}
      </div>

      {selection.patterns.length + selection.unknown.length > 0 ? (
        <ul className="space-y-1" aria-label="Wildcards and other actions">
          {selection.patterns.map((p) => (
            <ValueChip
              key={p.value}
              value={p.value}
              note={
                p.matches.length === 0
                  ? "matches no action"
                  : `matches ${p.matches.map((a) => a.name).join(", ")}`
              }
              warn={p.matches.length === 0}
              onRemove={() => onChange((b) => removeActionValue(b, p.value))}
            />
          ))}
          {selection.unknown.map((value) => (
            <ValueChip
              key={value}
              value={value}
              note="not an action of this service"
              warn
              onRemove={() => onChange((b) => removeActionValue(b, value))}
            />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function ValueChip({
  value,
  note,
  warn,
  onRemove,
  removeLabel,
}: {
  value: string;
  note?: string;
  warn?: boolean;
  onRemove?: () => void;
  removeLabel?: string;
}) {
  const id = React.useId();
  return (
    <li className="flex items-start gap-2 rounded-md bg-muted px-2 py-1 text-sm">
      <span className="min-w-0 flex-1">
        <code id={id} className="font-mono text-[13px] break-all">
          {value}
        </code>
        {note ? (
          <span
            className={cn(
              "ml-2 text-xs",
              warn ? "font-bold text-warning" : "text-muted-foreground",
            )}
          >
            {note}
          </span>
        ) : null}
      </span>
      {onRemove ? (
        <button
          type="button"
          onClick={onRemove}
          aria-label={removeLabel ?? "Remove"}
          aria-describedby={id}
          title={`Remove ${value}`}
          className="shrink-0 rounded-full p-0.5 text-muted-foreground hover:bg-card hover:text-foreground"
        >
          <X className="size-4" aria-hidden />
        </button>
      ) : null}
    </li>
  );
}
