"use client";
// "Service": every AWS service the catalogue names, searched by name or prefix.
import * as React from "react";
import type { Catalog } from "@/lib/iam/catalog";
import { shortServiceName } from "../model";
import { Combobox, type ComboboxOption } from "./combobox";

export function serviceOptions(catalog: Catalog): ComboboxOption[] {
  return catalog
    .listServices()
    .map((s) => ({
      value: s.prefix,
      label: shortServiceName(s.name),
      detail: s.prefix,
      keywords: s.name,
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

export function ServicePicker({
  id,
  catalog,
  value,
  onChoose,
  autoFocus,
}: {
  id: string;
  catalog: Catalog;
  value: string;
  onChoose: (prefix: string) => void;
  autoFocus?: boolean;
}) {
  const options = React.useMemo(() => serviceOptions(catalog), [catalog]);
  return (
    <div className="flex max-w-md flex-col gap-1">
      <label htmlFor={id} className="text-sm font-bold">
        Service
      </label>
      <p id={`${id}-description`} className="-mt-0.5 text-xs text-muted-foreground">
        Search by name (Secrets Manager) or prefix (secretsmanager).
      </p>
      <Combobox
        id={id}
        value={value}
        options={options}
        onChoose={onChoose}
        placeholder="Choose a service"
        emptyText="No service matches"
        autoFocus={autoFocus}
        describedBy={`${id}-description`}
      />
    </div>
  );
}
