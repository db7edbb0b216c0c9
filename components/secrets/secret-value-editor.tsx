"use client";

import * as React from "react";
import { Eye, EyeOff, Plus, Trash2 } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import {
  NOT_KEY_VALUE,
  type SecretValueDraft,
  rowErrors,
  rowsFromString,
  rowsToString,
} from "./secret-value-model";

/**
 * Edits a secret value as key/value rows or as plaintext, converting between the two as the AWS
 * console does. Values are masked until shown, so editing in a shared room is safe.
 */
export function SecretValueEditor({
  value,
  onChange,
  error,
  idPrefix = "secret-value",
}: {
  value: SecretValueDraft;
  onChange: (value: SecretValueDraft) => void;
  error?: string;
  idPrefix?: string;
}) {
  const [conversionError, setConversionError] = React.useState<string>();
  const [revealed, setRevealed] = React.useState(true);
  const errors = value.tab === "kv" ? rowErrors(value.rows) : {};

  const switchTab = (tab: string) => {
    setConversionError(undefined);
    if (tab === value.tab) return;
    if (tab === "plaintext") {
      onChange({ ...value, tab: "plaintext", plaintext: rowsToString(value.rows) });
      return;
    }
    if (value.plaintext.trim() === "") {
      onChange({ ...value, tab: "kv", rows: [{ key: "", value: "" }] });
      return;
    }
    const rows = rowsFromString(value.plaintext);
    if (!rows) {
      setConversionError(NOT_KEY_VALUE);
      return;
    }
    onChange({ ...value, tab: "kv", rows: rows.length > 0 ? rows : [{ key: "", value: "" }] });
  };

  const setRow = (index: number, patch: Partial<SecretValueDraft["rows"][number]>) =>
    onChange({
      ...value,
      rows: value.rows.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    });

  return (
    <Tabs value={value.tab} onValueChange={switchTab}>
      <div className="flex items-end justify-between gap-2">
        <TabsList aria-label="Secret value format" className="flex-1">
          <TabsTrigger value="kv">Key/value</TabsTrigger>
          <TabsTrigger value="plaintext">Plaintext</TabsTrigger>
        </TabsList>
        <Button
          variant="ghost"
          size="sm"
          className="mb-1"
          onClick={() => setRevealed((r) => !r)}
          aria-pressed={revealed}
        >
          {revealed ? <EyeOff aria-hidden /> : <Eye aria-hidden />}
          {revealed ? "Hide values" : "Show values"}
        </Button>
      </div>
      {conversionError ? (
        <Alert type="warning" className="mt-3">
          {conversionError}
        </Alert>
      ) : null}
      <TabsContent value="kv">
        <div className="space-y-2">
          <div className="grid grid-cols-[1fr_1fr_auto] gap-2 text-sm font-bold">
            <span id={`${idPrefix}-key-heading`}>Key</span>
            <span id={`${idPrefix}-value-heading`}>Value</span>
            <span className="w-20" />
          </div>
          {value.rows.map((row, i) => (
            <div key={i} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
              <div>
                <Input
                  aria-label={`Key ${i + 1}`}
                  value={row.key}
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={errors[i] ? true : undefined}
                  aria-describedby={errors[i] ? `${idPrefix}-row-${i}-error` : undefined}
                  onChange={(e) => setRow(i, { key: e.target.value })}
                  className="font-mono"
                />
                {errors[i] ? (
                  <FieldError id={`${idPrefix}-row-${i}-error`}>{errors[i]}</FieldError>
                ) : null}
              </div>
              <Input
                aria-label={`Value ${i + 1}`}
                type={revealed ? "text" : "password"}
                value={row.value}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => setRow(i, { value: e.target.value, type: undefined })}
                className="font-mono"
              />
              <Button
                variant="normal"
                className="w-20"
                aria-label={`Remove row ${i + 1}`}
                disabled={value.rows.length === 1 && row.key === "" && row.value === ""}
                onClick={() => {
                  const rows = value.rows.filter((_, j) => j !== i);
                  onChange({ ...value, rows: rows.length > 0 ? rows : [{ key: "", value: "" }] });
                }}
              >
                <Trash2 aria-hidden />
                Remove
              </Button>
            </div>
          ))}
          <Button
            variant="normal"
            onClick={() => onChange({ ...value, rows: [...value.rows, { key: "", value: "" }] })}
          >
            <Plus aria-hidden />
            Add row
          </Button>
        </div>
      </TabsContent>
      <TabsContent value="plaintext">
        <Textarea
          aria-label="Plaintext secret value"
          value={value.plaintext}
          onChange={(e) => onChange({ ...value, plaintext: e.target.value })}
          rows={8}
          spellCheck={false}
          autoComplete="off"
          className="font-mono text-[13px]"
          style={revealed ? undefined : ({ WebkitTextSecurity: "disc" } as React.CSSProperties)}
        />
      </TabsContent>
      {error ? (
        <div className="mt-2">
          <FieldError id={`${idPrefix}-error`}>{error}</FieldError>
        </div>
      ) : null}
    </Tabs>
  );
}
