"use client";
// "Add ARN(s)": build an ARN from its parts (region, account, resource name), any of which may be
// Any (`*`), or paste whole ARNs. For secrets it explains the six random characters and offers
// the `-??????` suffix, as the Secrets Manager user guide advises.
import * as React from "react";
import type { CatalogResourceType } from "@/lib/iam/catalog";
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
import { FieldError } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import {
  SECRET_SUFFIX,
  arnProblem,
  buildArn,
  hasSecretSuffix,
  isSecretType,
  missingFields,
  parseArnTemplate,
  secretArnSuggestion,
  splitArns,
  type ArnFieldValue,
} from "../model";

export function AddArnDialog({
  open,
  onOpenChange,
  type,
  onAdd,
  accountId,
  region,
  partition = "aws",
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The resource type the ARNs are for; undefined for a block without one (any ARN). */
  type?: CatalogResourceType;
  onAdd: (arns: string[]) => void;
  accountId?: string;
  region?: string;
  partition?: string;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        size="lg"
        aria-describedby="add-arn-description"
        onOpenAutoFocus={(event) => {
          // Start where the user types: the resource's name (or the ARN box when there are no parts).
          const target =
            document.querySelector<HTMLElement>("[data-arn-first-field]") ??
            document.getElementById("arn-paste");
          if (target) {
            event.preventDefault();
            target.focus();
          }
        }}
      >
        {open ? (
          <AddArnForm
            type={type}
            onAdd={(arns) => {
              onAdd(arns);
              onOpenChange(false);
            }}
            onCancel={() => onOpenChange(false)}
            accountId={accountId}
            region={region}
            partition={partition}
          />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

function AddArnForm({
  type,
  onAdd,
  onCancel,
  accountId,
  region,
  partition,
}: {
  type?: CatalogResourceType;
  onAdd: (arns: string[]) => void;
  onCancel: () => void;
  accountId?: string;
  region?: string;
  partition: string;
}) {
  const template = type ? parseArnTemplate(type.arn) : undefined;
  const secret = type ? isSecretType(type) : false;
  const [values, setValues] = React.useState<Record<string, ArnFieldValue>>(() => ({
    Region: { text: region ?? "", any: !region },
    Account: { text: accountId ?? "", any: false },
  }));
  const [suffix, setSuffix] = React.useState(true);
  const [pasted, setPasted] = React.useState("");
  const [error, setError] = React.useState<string>();

  const field = (name: string): ArnFieldValue => values[name] ?? { text: "", any: false };
  const set = (name: string, patch: Partial<ArnFieldValue>) =>
    setValues((v) => ({ ...v, [name]: { ...field(name), ...patch } }));

  const touched =
    template?.fields.some(
      (f) => f.place === "resource" && (field(f.name).text.trim() !== "" || field(f.name).any),
    ) ?? false;
  const built = (() => {
    if (!template || !touched || missingFields(template, values).length > 0) return undefined;
    const withSuffix: Record<string, ArnFieldValue> = { ...values };
    if (secret) {
      const name = field("SecretId");
      if (!name.any && suffix && !hasSecretSuffix(name.text.trim())) {
        withSuffix.SecretId = { text: name.text.trim() + SECRET_SUFFIX, any: false };
      }
    }
    return buildArn(template, withSuffix, partition);
  })();
  const missing = template && touched ? missingFields(template, values) : [];
  const pastedArns = splitArns(pasted);
  const problems = pastedArns.map(arnProblem).filter((p): p is string => p !== undefined);
  const suggestions = secret
    ? pastedArns.map((a) => [a, secretArnSuggestion(a)] as const).filter(([, s]) => s !== undefined)
    : [];
  const all = [...(built ? [built] : []), ...pastedArns];

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (problems.length > 0) {
      setError(problems[0]);
      return;
    }
    if (missing.length > 0) {
      setError(
        `Enter the ${missing.map((f) => f.label.toLowerCase()).join(" and ")}, or choose Any.`,
      );
      return;
    }
    if (all.length === 0) {
      setError("Enter the ARN's parts, or paste one or more ARNs.");
      return;
    }
    onAdd(all);
  };

  const typeName = type ? type.name : "resource";
  return (
    <form onSubmit={submit} className="flex min-h-0 flex-col" noValidate>
      <DialogHeader>
        <DialogTitle>Add ARN(s)</DialogTitle>
        <DialogDescription id="add-arn-description">
          {type
            ? `Name the ${typeName} resources this permission applies to: build an ARN from its parts, or paste ARNs.`
            : "Paste the ARNs of the resources this permission applies to."}
        </DialogDescription>
      </DialogHeader>
      <DialogBody>
        {template ? (
          <fieldset className="space-y-3">
            <legend className="text-sm font-bold">Build the ARN</legend>
            <p className="font-mono text-xs break-all text-muted-foreground">{type?.arn}</p>
            <div className="grid gap-3 sm:grid-cols-2">
              {template.fields.map((f) => {
                const id = `arn-field-${f.name}`;
                const v = field(f.name);
                return (
                  <div
                    key={f.name}
                    className={f.place === "resource" ? "sm:col-span-2" : undefined}
                  >
                    <label htmlFor={id} className="text-sm font-bold">
                      {f.label}
                    </label>
                    <div className="mt-1 flex items-center gap-3">
                      <Input
                        id={id}
                        value={v.any ? "*" : v.text}
                        disabled={v.any}
                        onChange={(e) => set(f.name, { text: e.target.value })}
                        placeholder={placeholderFor(f.name, secret)}
                        data-arn-first-field={
                          f === template.fields.find((x) => x.place === "resource") ? "" : undefined
                        }
                        className="font-mono"
                        spellCheck={false}
                        autoComplete="off"
                      />
                      <label className="flex shrink-0 items-center gap-1.5 text-sm">
                        <Checkbox
                          checked={v.any}
                          onCheckedChange={(c) => set(f.name, { any: c === true })}
                          aria-label={`Any ${f.label.toLowerCase()}`}
                        />
                        Any
                      </label>
                    </div>
                  </div>
                );
              })}
            </div>
            <p className="text-xs text-muted-foreground">
              Any writes the wildcard <code className="font-mono">*</code>. To match a resource in
              any region or account, use Any (a <code className="font-mono">*</code>), not an empty
              field.
            </p>
            {secret ? (
              <div className="space-y-1.5 rounded-lg bg-info-soft px-3 py-2 text-sm">
                <p>
                  Secrets Manager adds a hyphen and six random characters to a secret&apos;s name in
                  its ARN (<code className="font-mono">MySecret-a1b2c3</code>). Ending the name with{" "}
                  <code className="font-mono">{SECRET_SUFFIX}</code> matches exactly those six
                  characters, so the permission also covers the secret if it is created later. A{" "}
                  <code className="font-mono">-*</code> would also match other secrets whose names
                  begin the same way.
                </p>
                <label className="flex items-center gap-2 font-bold">
                  <Checkbox checked={suffix} onCheckedChange={(c) => setSuffix(c === true)} />
                  Match the six random characters ({SECRET_SUFFIX})
                </label>
              </div>
            ) : null}
            {built ? (
              <p className="text-sm">
                <span className="font-bold">ARN to add: </span>
                <code className="font-mono text-[13px] break-all">{built}</code>
              </p>
            ) : null}
          </fieldset>
        ) : null}

        <div className="space-y-1">
          <label htmlFor="arn-paste" className="text-sm font-bold">
            ARN
          </label>
          <p id="arn-paste-hint" className="text-xs text-muted-foreground">
            {template ? "Or paste" : "Paste"} one or more ARNs, one per line.
          </p>
          <Textarea
            id="arn-paste"
            value={pasted}
            onChange={(e) => {
              setPasted(e.target.value);
              setError(undefined);
            }}
            rows={3}
            spellCheck={false}
            autoComplete="off"
            aria-describedby="arn-paste-hint"
            aria-invalid={problems.length > 0 || undefined}
            placeholder={
              template
                ? buildArn(
                    template,
                    Object.fromEntries(
                      template.fields.map((f) => [
                        f.name,
                        {
                          text:
                            placeholderFor(f.name, secret) +
                            (secret && f.name === "SecretId" ? "-a1b2c3" : ""),
                          any: false,
                        },
                      ]),
                    ),
                    partition,
                  )
                : "arn:aws:service:region:account:resource"
            }
            className="font-mono text-[13px]"
          />
          {suggestions.map(([arn, suggestion]) => (
            <Alert key={arn} type="info" className="py-2">
              <span className="font-mono text-xs break-all">{arn}</span> names the secret without
              its six random characters: it matches only a secret whose whole name is that.{" "}
              <Button variant="link" onClick={() => setPasted((p) => p.replace(arn, suggestion!))}>
                Add {SECRET_SUFFIX}
              </Button>
            </Alert>
          ))}
        </div>
        {error ? <FieldError>{error}</FieldError> : null}
      </DialogBody>
      <DialogFooter>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary">
          {all.length > 1 ? `Add ${all.length} ARNs` : "Add ARNs"}
        </Button>
      </DialogFooter>
    </form>
  );
}

function placeholderFor(name: string, secret: boolean): string {
  switch (name) {
    case "Region":
      return "us-east-1";
    case "Account":
      return "111122223333";
    default:
      return secret ? "MyDatabaseMasterSecret" : name;
  }
}
