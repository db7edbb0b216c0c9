"use client";
// A searchable single-choice list (WAI-ARIA combobox with a listbox popup): type to filter,
// arrows to move, Enter to choose. Named by a <label htmlFor={id}>, so getByLabel finds it.
import * as React from "react";
import { ChevronDown } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/input";

export interface ComboboxOption {
  value: string;
  /** The option's accessible name and main text. */
  label: string;
  /** Secondary text (a prefix, a type). */
  detail?: string;
  /** Extra words the filter matches. */
  keywords?: string;
}

const MAX_SHOWN = 200;

export function Combobox({
  id,
  value,
  options,
  onChoose,
  placeholder,
  emptyText = "No matches",
  allowCustom,
  className,
  autoFocus,
  describedBy,
  invalid,
}: {
  id: string;
  /** The chosen option's value ("" for none). */
  value: string;
  options: ComboboxOption[];
  onChoose: (value: string) => void;
  placeholder?: string;
  emptyText?: string;
  /** Enter on text that matches no option chooses the text itself. */
  allowCustom?: boolean;
  className?: string;
  autoFocus?: boolean;
  describedBy?: string;
  invalid?: boolean;
}) {
  const chosen = options.find((o) => o.value === value);
  const [query, setQuery] = React.useState<string | undefined>(undefined);
  const [open, setOpen] = React.useState(false);
  const [active, setActive] = React.useState(0);
  const listId = `${id}-listbox`;
  const text = query ?? chosen?.label ?? (allowCustom ? value : "");

  const filtered = React.useMemo(() => {
    const q = (query ?? "").trim().toLowerCase();
    if (!q) return options.slice(0, MAX_SHOWN);
    const starts: ComboboxOption[] = [];
    const contains: ComboboxOption[] = [];
    for (const o of options) {
      const label = o.label.toLowerCase();
      const haystack = `${label} ${o.value.toLowerCase()} ${(o.detail ?? "").toLowerCase()} ${(o.keywords ?? "").toLowerCase()}`;
      if (label.startsWith(q) || o.value.toLowerCase().startsWith(q)) starts.push(o);
      else if (haystack.includes(q)) contains.push(o);
    }
    return [...starts, ...contains].slice(0, MAX_SHOWN);
  }, [options, query]);

  const choose = (option: ComboboxOption | undefined) => {
    if (option) onChoose(option.value);
    else if (allowCustom && query?.trim()) onChoose(query.trim());
    setQuery(undefined);
    setOpen(false);
  };

  const activeOption = open ? filtered[Math.min(active, filtered.length - 1)] : undefined;

  return (
    <div className={cn("relative", className)}>
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={
          activeOption ? `${id}-option-${filtered.indexOf(activeOption)}` : undefined
        }
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={(e) => e.currentTarget.select()}
        onClick={() => setOpen(true)}
        onBlur={() => {
          // Let a click on an option land first.
          setTimeout(() => {
            setOpen(false);
            setQuery(undefined);
          }, 120);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, Math.max(filtered.length - 1, 0)));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter") {
            if (!open && query === undefined) return;
            e.preventDefault();
            const exact = filtered.find(
              (o) => o.label.toLowerCase() === (query ?? "").trim().toLowerCase(),
            );
            choose(exact ?? (filtered.length > 0 ? (activeOption ?? filtered[0]) : undefined));
          } else if (e.key === "Escape") {
            if (open) {
              e.preventDefault();
              e.stopPropagation();
            }
            setOpen(false);
            setQuery(undefined);
          }
        }}
        className={cn(inputClass, "pr-8")}
      />
      <ChevronDown
        className="pointer-events-none absolute top-2 right-2.5 size-4 text-muted-foreground"
        aria-hidden
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Options"
        hidden={!open}
        className="absolute z-40 mt-1 max-h-72 w-full min-w-64 overflow-y-auto rounded-lg border bg-popover p-1 text-popover-foreground shadow-xl"
      >
        {!open ? null : filtered.length === 0 ? (
          <li className="px-3 py-1.5 text-sm text-muted-foreground" role="presentation">
            {allowCustom && query?.trim() ? `Press Enter to use “${query.trim()}”` : emptyText}
          </li>
        ) : (
          filtered.map((option, i) => (
            <li
              key={option.value}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={option === activeOption}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(option)}
              className={cn(
                "flex cursor-pointer items-baseline justify-between gap-3 rounded-md px-3 py-1.5 text-sm",
                option === activeOption && "bg-accent",
                option.value === value && "font-bold",
              )}
            >
              <span className="min-w-0 truncate">{option.label}</span>
              {option.detail ? (
                <span aria-hidden className="shrink-0 font-mono text-xs text-muted-foreground">
                  {option.detail}
                </span>
              ) : null}
            </li>
          ))
        )}
      </ul>
    </div>
  );
}
