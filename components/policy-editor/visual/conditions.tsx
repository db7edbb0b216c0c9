"use client";
// "Request conditions": each row a key, an operator (with ForAnyValue/ForAllValues and IfExists)
// and values. Keys come from the catalogue for the block's actions, and the global keys; the
// operators offered suit the key's type.
import * as React from "react";
import { Pencil, Plus, Trash2 } from "lucide-react";
import { parseConditionOperator, type BaseOperator, type SetOperator } from "@/lib/iam";
import type { Catalog, CatalogConditionKey } from "@/lib/iam/catalog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Field, FieldError } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import {
  composeOperator,
  conditionConflict,
  conditionRows,
  isMultivalued,
  keyTemplate,
  keysForBlock,
  operatorsForType,
  putCondition,
  removeCondition,
  valueExample,
  type ConditionPart,
  type ConditionRow,
  type PermissionBlock,
  type RowRef,
} from "../model";
import { Combobox } from "./combobox";

export function ConditionList({
  idPrefix,
  block,
  catalog,
  onChange,
}: {
  idPrefix: string;
  block: PermissionBlock;
  catalog: Catalog;
  onChange: (change: (block: PermissionBlock) => PermissionBlock) => void;
}) {
  const [editing, setEditing] = React.useState<{ row?: ConditionRow } | undefined>();
  const rows = conditionRows(block.condition);
  const setCondition = (next: ConditionPart | undefined) =>
    onChange((b) => {
      if (next && next.operators.length > 0) return { ...b, condition: next };
      const { condition: _drop, ...rest } = b;
      return rest;
    });

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <p className="text-sm font-bold">
            Request conditions{" "}
            <span className="font-normal text-muted-foreground italic">- optional</span>
          </p>
          <p className="text-xs text-muted-foreground">
            The block applies only to requests that meet every condition.
          </p>
        </div>
        <Button size="sm" variant="normal" onClick={() => setEditing({})}>
          <Plus aria-hidden />
          Add condition
        </Button>
      </div>
      {rows.length > 0 ? (
        <ul className="divide-y rounded-lg border" aria-label="Request conditions">
          {rows.map((row) => {
            const rowId = `${idPrefix}-condition-${row.opIndex}-${row.entryIndex}`;
            return (
              <li
                key={`${row.opIndex}-${row.entryIndex}`}
                id={rowId}
                className="flex flex-wrap items-start gap-x-3 gap-y-1 px-3 py-2 text-sm"
              >
                <code className="font-mono text-[13px] font-bold break-all">{row.key}</code>
                <span className="text-muted-foreground">{row.operator}</span>
                <span className="min-w-0 flex-1 font-mono text-[13px] break-all">
                  {row.values.map((v) => v.text).join(" or ")}
                </span>
                {!row.parsed ? (
                  <span className="text-xs font-bold text-destructive">Unknown operator</span>
                ) : null}
                <span className="ml-auto flex gap-1">
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-describedby={rowId}
                    onClick={() => setEditing({ row })}
                  >
                    <Pencil aria-hidden />
                    Edit
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-describedby={rowId}
                    onClick={() =>
                      block.condition && setCondition(removeCondition(block.condition, row))
                    }
                  >
                    <Trash2 aria-hidden />
                    Remove
                  </Button>
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
      <Dialog open={editing !== undefined} onOpenChange={(o) => !o && setEditing(undefined)}>
        <DialogContent size="lg">
          {editing ? (
            <ConditionForm
              idPrefix={`${idPrefix}-condition`}
              block={block}
              catalog={catalog}
              row={editing.row}
              onCancel={() => setEditing(undefined)}
              onSave={(draft) => {
                setCondition(putCondition(block.condition, editing.row, draft));
                setEditing(undefined);
              }}
            />
          ) : null}
        </DialogContent>
      </Dialog>
    </div>
  );
}

type Qualifier = "" | SetOperator;

function ConditionForm({
  idPrefix,
  block,
  catalog,
  row,
  onSave,
  onCancel,
}: {
  idPrefix: string;
  block: PermissionBlock;
  catalog: Catalog;
  row?: ConditionRow;
  onSave: (draft: { operator: string; key: string; values: string[] }) => void;
  onCancel: () => void;
}) {
  const keys = React.useMemo(() => keysForBlock(block, catalog), [block, catalog]);
  const initialKey = row
    ? (keys.find((k) => k.name.toLowerCase() === row.key.toLowerCase()) ??
      templateOf(keys, row.key))
    : undefined;
  const [keyName, setKeyName] = React.useState(initialKey?.name ?? row?.key ?? "");
  const [keySuffix, setKeySuffix] = React.useState(() => {
    if (!row || !initialKey) return "";
    const t = keyTemplate(initialKey.name);
    return t && row.key.toLowerCase().startsWith(t.prefix.toLowerCase())
      ? row.key.slice(t.prefix.length)
      : "";
  });
  const [qualifier, setQualifier] = React.useState<Qualifier>(row?.parsed?.set ?? "");
  const [base, setBase] = React.useState<BaseOperator | "">(row?.parsed?.base ?? "");
  const [ifExists, setIfExists] = React.useState(row?.parsed?.ifExists ?? false);
  const [valuesText, setValuesText] = React.useState(
    row ? row.values.map((v) => v.text).join("\n") : "",
  );
  const [error, setError] = React.useState<string>();

  const key: CatalogConditionKey | undefined =
    keys.find((k) => k.name === keyName) ?? catalog.conditionKey(keyName);
  const template = keyTemplate(keyName);
  const fullKey = template ? `${template.prefix}${keySuffix.trim()}` : keyName.trim();
  const operators = operatorsForType(key?.type);
  const chosenBase = base && operators.includes(base) ? base : "";
  const multivalued = isMultivalued(key?.type);
  const boolLike = chosenBase === "Bool" || chosenBase === "Null";
  const values = valuesText
    .split("\n")
    .map((v) => v.trim())
    .filter(Boolean);

  const keyOptions = React.useMemo(
    () =>
      keys.map((k) => ({
        value: k.name,
        label: k.name,
        detail: k.type,
        keywords: k.description,
      })),
    [keys],
  );

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!fullKey || (template && !keySuffix.trim())) {
      setError(template ? `Enter the ${template.label.toLowerCase()}.` : "Choose a condition key.");
      return;
    }
    if (!fullKey.includes(":")) {
      setError("A condition key has a prefix, e.g. aws:SourceIp or secretsmanager:VersionStage.");
      return;
    }
    if (!chosenBase) {
      setError("Choose an operator.");
      return;
    }
    if (values.length === 0) {
      setError("Enter at least one value.");
      return;
    }
    const operator = composeOperator({
      set: qualifier || undefined,
      base: chosenBase,
      ifExists: ifExists && chosenBase !== "Null",
    });
    if (!parseConditionOperator(operator)) {
      setError(`${operator} is not an operator IAM knows.`);
      return;
    }
    const draft = { operator, key: fullKey, values };
    if (conditionConflict(block.condition, row as RowRef | undefined, draft)) {
      setError(
        `This block already has a ${operator} condition on ${fullKey}: add the value to that condition instead (values of one condition are alternatives).`,
      );
      return;
    }
    onSave(draft);
  };

  return (
    <form onSubmit={submit} className="flex min-h-0 flex-col" noValidate>
      <DialogHeader>
        <DialogTitle>{row ? "Edit request condition" : "Add request condition"}</DialogTitle>
        <DialogDescription>
          The block applies only when the request&apos;s value for the key matches.
        </DialogDescription>
      </DialogHeader>
      <DialogBody>
        <div className="space-y-1">
          <label htmlFor={`${idPrefix}-key`} className="text-sm font-bold">
            Condition key
          </label>
          <p id={`${idPrefix}-key-hint`} className="text-xs text-muted-foreground">
            Keys the block&apos;s actions support, then the global keys (aws:...).
          </p>
          <Combobox
            id={`${idPrefix}-key`}
            value={keyName}
            options={keyOptions}
            onChoose={(v) => {
              setKeyName(v);
              setError(undefined);
            }}
            allowCustom
            placeholder="Choose a key"
            describedBy={`${idPrefix}-key-hint`}
          />
          {key?.description ? (
            <p className="text-xs text-muted-foreground">{key.description}</p>
          ) : null}
          {key ? (
            <p className="text-xs text-muted-foreground">
              Type: <span className="font-bold">{key.type}</span>
              {multivalued ? " — several values per request: choose a qualifier." : ""}
            </p>
          ) : null}
        </div>
        {template ? (
          <Field id={`${idPrefix}-key-part`} label={template.label}>
            <Input
              value={keySuffix}
              onChange={(e) => setKeySuffix(e.target.value)}
              className="font-mono"
              spellCheck={false}
            />
          </Field>
        ) : null}
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id={`${idPrefix}-qualifier`} label="Qualifier">
            <Select
              value={qualifier || "default"}
              onValueChange={(v) => setQualifier(v === "default" ? "" : (v as Qualifier))}
              options={[
                { value: "default", label: "Default" },
                { value: "ForAnyValue", label: "For any value in a request" },
                { value: "ForAllValues", label: "For all values in a request" },
              ]}
            />
          </Field>
          <Field id={`${idPrefix}-operator`} label="Operator">
            <Select
              value={chosenBase}
              onValueChange={(v) => setBase(v as BaseOperator)}
              placeholder="Choose an operator"
              options={operators.map((op) => ({ value: op, label: op }))}
            />
          </Field>
        </div>
        {multivalued && !qualifier ? (
          <Alert type="info">
            {fullKey || "This key"} can carry several values in one request. With Default, the
            condition holds when any of them matches; ForAnyValue says so explicitly, ForAllValues
            requires every one to match.
          </Alert>
        ) : null}
        {qualifier === "ForAllValues" && key && !multivalued && block.effect !== "Deny" ? (
          <Alert type="warning" header="ForAllValues with a single-valued key">
            ForAllValues also holds when the key is missing from the request, which can allow more
            than intended. Use Default for {fullKey}.
          </Alert>
        ) : null}
        <div>
          <label className="flex items-center gap-2 text-sm font-bold">
            <Checkbox
              checked={ifExists && chosenBase !== "Null"}
              disabled={chosenBase === "Null"}
              onCheckedChange={(c) => setIfExists(c === true)}
              aria-describedby={`${idPrefix}-if-exists-hint`}
            />
            If exists
          </label>
          <p id={`${idPrefix}-if-exists-hint`} className="ml-6 text-xs text-muted-foreground">
            The condition also holds when the request does not carry the key.
          </p>
        </div>
        {boolLike ? (
          <Field id={`${idPrefix}-value`} label="Value">
            <Select
              value={values[0] ?? ""}
              onValueChange={(v) => setValuesText(v)}
              placeholder="Choose true or false"
              options={[
                { value: "true", label: "true" },
                { value: "false", label: "false" },
              ]}
            />
          </Field>
        ) : (
          <Field
            id={`${idPrefix}-value`}
            label="Value"
            description={`One value per line: the condition holds when any value matches.${chosenBase ? ` ${valueExample(chosenBase)}` : ""}`}
          >
            <Textarea
              value={valuesText}
              onChange={(e) => setValuesText(e.target.value)}
              rows={3}
              spellCheck={false}
              className="font-mono text-[13px]"
            />
          </Field>
        )}
        {error ? <FieldError>{error}</FieldError> : null}
      </DialogBody>
      <DialogFooter>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary">
          {row ? "Save condition" : "Add condition"}
        </Button>
      </DialogFooter>
    </form>
  );
}

function templateOf(keys: CatalogConditionKey[], name: string): CatalogConditionKey | undefined {
  return keys.find((k) => {
    const t = keyTemplate(k.name);
    return (
      t && name.toLowerCase().startsWith(t.prefix.toLowerCase()) && name.length > t.prefix.length
    );
  });
}
