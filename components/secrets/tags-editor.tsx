"use client";

import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { MAX_TAGS, type TagRow, tagRowErrors } from "./tags-model";

/** AWS's tag editor: Key / Value - optional rows with Remove, and an Add button. */
export function TagsEditor({
  rows,
  onChange,
  showErrors = true,
}: {
  rows: TagRow[];
  onChange: (rows: TagRow[]) => void;
  showErrors?: boolean;
}) {
  const errors = showErrors ? tagRowErrors(rows) : {};
  return (
    <div className="space-y-2">
      {rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">No tags associated with the resource.</p>
      ) : (
        <div className="grid grid-cols-[1fr_1fr_auto] gap-2 text-sm font-bold">
          <span>Key</span>
          <span>
            Value <span className="font-normal italic text-muted-foreground">- optional</span>
          </span>
          <span className="w-20" />
        </div>
      )}
      {rows.map((row, i) => (
        <div key={i} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
          <div>
            <Input
              aria-label={`Tag key ${i + 1}`}
              placeholder="Enter key"
              value={row.key}
              aria-invalid={errors[i]?.key ? true : undefined}
              onChange={(e) =>
                onChange(rows.map((r, j) => (j === i ? { ...r, key: e.target.value } : r)))
              }
            />
            {errors[i]?.key ? <FieldError>{errors[i].key}</FieldError> : null}
          </div>
          <div>
            <Input
              aria-label={`Tag value ${i + 1}`}
              placeholder="Enter value"
              value={row.value}
              aria-invalid={errors[i]?.value ? true : undefined}
              onChange={(e) =>
                onChange(rows.map((r, j) => (j === i ? { ...r, value: e.target.value } : r)))
              }
            />
            {errors[i]?.value ? <FieldError>{errors[i].value}</FieldError> : null}
          </div>
          <Button
            className="w-20"
            aria-label={`Remove tag ${i + 1}`}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            Remove
          </Button>
        </div>
      ))}
      <div className="flex items-center gap-3">
        <Button
          disabled={rows.length >= MAX_TAGS}
          onClick={() => onChange([...rows, { key: "", value: "" }])}
        >
          <Plus aria-hidden />
          Add tag
        </Button>
        <span className="text-xs text-muted-foreground">
          You can add up to {MAX_TAGS - rows.length} more tags.
        </span>
      </div>
    </div>
  );
}
