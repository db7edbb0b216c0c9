"use client";

import * as React from "react";
import { RadioGroup } from "radix-ui";
import { cn } from "./cn";

export interface Tile {
  value: string;
  label: string;
  description?: React.ReactNode;
  icon?: React.ReactNode;
  disabled?: boolean;
}

/** AWS's Tiles: a radio group drawn as cards. Each tile is a radio named by its label. */
export function RadioTiles({
  value,
  onValueChange,
  tiles,
  columns = 2,
  ...aria
}: {
  value: string;
  onValueChange: (value: string) => void;
  tiles: Tile[];
  columns?: 2 | 3;
  "aria-label"?: string;
  "aria-labelledby"?: string;
}) {
  return (
    <RadioGroup.Root
      value={value}
      onValueChange={onValueChange}
      className={cn("grid gap-3 sm:grid-cols-2", columns === 3 && "lg:grid-cols-3")}
      {...aria}
    >
      {tiles.map((tile) => {
        const id = `tile-${tile.value}`;
        return (
          <RadioGroup.Item
            key={tile.value}
            value={tile.value}
            disabled={tile.disabled}
            aria-labelledby={`${id}-label`}
            aria-describedby={tile.description ? `${id}-description` : undefined}
            className="group flex items-start gap-3 rounded-lg border-2 border-border bg-card p-4 text-left transition-colors hover:border-primary disabled:cursor-not-allowed disabled:opacity-50 data-[state=checked]:border-primary data-[state=checked]:bg-accent"
          >
            <span className="mt-0.5 flex size-4 shrink-0 items-center justify-center rounded-full border-2 border-input bg-card group-data-[state=checked]:border-primary">
              <RadioGroup.Indicator className="size-2 rounded-full bg-primary" />
            </span>
            <span className="min-w-0 flex-1">
              <span id={`${id}-label`} className="flex items-center gap-2 font-bold">
                {tile.icon}
                {tile.label}
              </span>
              {tile.description ? (
                <span id={`${id}-description`} className="mt-1 block text-sm text-muted-foreground">
                  {tile.description}
                </span>
              ) : null}
            </span>
          </RadioGroup.Item>
        );
      })}
    </RadioGroup.Root>
  );
}
