/**
 * Actions of a permission block against the catalogue: which service the block is about, which
 * actions are chosen (by name, by the service's `*`, by a typed wildcard), and the changes the
 * action tree makes.
 */
import {
  ACCESS_LEVELS,
  globToRegExp,
  type AccessLevel,
  type Catalog,
  type CatalogAction,
  type CatalogResourceType,
} from "@/lib/iam/catalog";
import { setActions } from "./edit";
import type { PermissionBlock } from "./types";

export type BlockServices =
  | { kind: "none" }
  | { kind: "one"; prefix: string }
  /** `"*"`: every action of every service. */
  | { kind: "all" }
  /** Several services, or a wildcard in the service part: shown as a list of patterns. */
  | { kind: "mixed"; prefixes: string[] };

export function blockServices(block: PermissionBlock): BlockServices {
  const values = block.action?.values ?? [];
  if (values.length === 0) {
    return block.chosenService ? { kind: "one", prefix: block.chosenService } : { kind: "none" };
  }
  if (values.includes("*")) return { kind: "all" };
  const prefixes = new Set<string>();
  let wildcardService = false;
  for (const value of values) {
    const colon = value.indexOf(":");
    const prefix = colon > 0 ? value.slice(0, colon).toLowerCase() : value.toLowerCase();
    if (colon <= 0 || /[*?]/.test(prefix)) wildcardService = true;
    prefixes.add(prefix);
  }
  if (!wildcardService && prefixes.size === 1) return { kind: "one", prefix: [...prefixes][0] };
  return { kind: "mixed", prefixes: [...prefixes] };
}

export interface ActionPattern {
  /** As written in the policy. */
  value: string;
  /** The catalogue's actions it matches. */
  matches: CatalogAction[];
}

export interface ActionSelection {
  /** `service:*`: every action of the service. */
  all: boolean;
  /** Lower-cased names of actions listed by name. */
  explicit: Set<string>;
  /** Typed wildcards other than `service:*` (e.g. `secretsmanager:Get*`). */
  patterns: ActionPattern[];
  /** Lower-cased name → the wildcard that covers it. */
  covered: Map<string, string>;
  /** Values naming no action of the service (typos, actions the catalogue does not have). */
  unknown: string[];
}

export function actionSelection(
  block: PermissionBlock,
  prefix: string,
  catalog: Catalog,
): ActionSelection {
  const selection: ActionSelection = {
    all: false,
    explicit: new Set(),
    patterns: [],
    covered: new Map(),
    unknown: [],
  };
  const service = catalog.getService(prefix);
  for (const value of block.action?.values ?? []) {
    const name = value.slice(value.indexOf(":") + 1);
    if (name === "*") {
      selection.all = true;
      continue;
    }
    if (/[*?]/.test(name)) {
      const re = globToRegExp(name);
      const matches = service?.actions.filter((a) => re.test(a.name)) ?? [];
      selection.patterns.push({ value, matches });
      for (const a of matches) {
        const lower = a.name.toLowerCase();
        if (!selection.covered.has(lower)) selection.covered.set(lower, value);
      }
      continue;
    }
    const known = service?.actions.some((a) => a.name.toLowerCase() === name.toLowerCase());
    if (known || !service) selection.explicit.add(name.toLowerCase());
    else selection.unknown.push(value);
  }
  return selection;
}

/** Whether the action is granted by the block's list (by name, by `*`, or by a wildcard). */
export function isChosen(selection: ActionSelection, action: CatalogAction): boolean {
  const lower = action.name.toLowerCase();
  return selection.all || selection.explicit.has(lower) || selection.covered.has(lower);
}

/** The catalogue actions the block's list grants, for one service. */
export function chosenActions(
  block: PermissionBlock,
  prefix: string,
  catalog: Catalog,
): CatalogAction[] {
  const service = catalog.getService(prefix);
  if (!service) return [];
  const selection = actionSelection(block, prefix, catalog);
  return service.actions.filter((a) => isChosen(selection, a));
}

export function actionsByLevel(actions: CatalogAction[]): Map<AccessLevel, CatalogAction[]> {
  const out = new Map<AccessLevel, CatalogAction[]>();
  for (const level of ACCESS_LEVELS) out.set(level, []);
  for (const action of actions) out.get(action.accessLevel)?.push(action);
  return out;
}

const valueName = (value: string) => value.slice(value.indexOf(":") + 1).toLowerCase();

export function toggleAction(
  block: PermissionBlock,
  prefix: string,
  name: string,
  checked: boolean,
): PermissionBlock {
  const values = block.action?.values ?? [];
  const lower = name.toLowerCase();
  if (checked) {
    if (values.some((v) => valueName(v) === lower)) return block;
    return setActions(block, [...values, `${prefix}:${name}`]);
  }
  return setActions(
    block,
    values.filter((v) => valueName(v) !== lower),
  );
}

/** Checks or clears every action of an access level. */
export function setLevel(
  block: PermissionBlock,
  prefix: string,
  actions: CatalogAction[],
  checked: boolean,
): PermissionBlock {
  const names = new Set(actions.map((a) => a.name.toLowerCase()));
  const values = (block.action?.values ?? []).filter((v) => !names.has(valueName(v)));
  if (!checked) return setActions(block, values);
  return setActions(block, [...values, ...actions.map((a) => `${prefix}:${a.name}`)]);
}

/** "All <service> actions (service:*)". */
export function setAllActions(
  block: PermissionBlock,
  prefix: string,
  checked: boolean,
): PermissionBlock {
  return setActions(block, checked ? [`${prefix}:*`] : []);
}

/**
 * A typed action or wildcard: `Get*` or `secretsmanager:Get*`. Returns the full value to add, or
 * a message saying why it cannot be.
 */
export function normalizeActionInput(
  prefix: string,
  input: string,
): { value: string } | { error: string } {
  const text = input.trim();
  if (text === "") return { error: "Enter an action name or a pattern such as Get*." };
  const colon = text.indexOf(":");
  const value = colon >= 0 ? text : `${prefix}:${text}`;
  const name = value.slice(value.indexOf(":") + 1);
  if (value.slice(0, value.indexOf(":")).toLowerCase() !== prefix.toLowerCase()) {
    return { error: `This block is for ${prefix}: the action must start with ${prefix}:.` };
  }
  if (name === "" || name.includes(":"))
    return { error: "An action has one colon: service:Action." };
  if (!/^[A-Za-z0-9*?-]+$/.test(name)) {
    return { error: "Action names have letters and digits; * and ? are wildcards." };
  }
  return { value };
}

export function addActionValue(block: PermissionBlock, value: string): PermissionBlock {
  const values = block.action?.values ?? [];
  if (values.some((v) => v.toLowerCase() === value.toLowerCase())) return block;
  return setActions(block, [...values, value]);
}

export function removeActionValue(block: PermissionBlock, value: string): PermissionBlock {
  return setActions(
    block,
    (block.action?.values ?? []).filter((v) => v !== value),
  );
}

/**
 * The resource types the block's chosen actions apply to, in the service's order; every type
 * of the service when no action is chosen yet.
 */
export function resourceTypesForBlock(
  block: PermissionBlock,
  prefix: string,
  catalog: Catalog,
): { types: CatalogResourceType[]; wildcardOnly: CatalogAction[]; required: Set<string> } {
  const service = catalog.getService(prefix);
  if (!service) return { types: [], wildcardOnly: [], required: new Set() };
  const chosen = chosenActions(block, prefix, catalog);
  const names = new Set<string>();
  const required = new Set<string>();
  const wildcardOnly: CatalogAction[] = [];
  for (const action of chosen) {
    if (action.wildcardOnly) wildcardOnly.push(action);
    for (const rt of action.resourceTypes) {
      names.add(rt.name.toLowerCase());
      if (rt.required) required.add(rt.name.toLowerCase());
    }
  }
  const types =
    chosen.length === 0
      ? service.resourceTypes
      : service.resourceTypes.filter((t) => names.has(t.name.toLowerCase()));
  return { types, wildcardOnly, required };
}

/** A service's name as IAM's visual editor shows it: "Secrets Manager", not "AWS Secrets Manager". */
export function shortServiceName(name: string): string {
  return name.replace(/^(AWS|Amazon)\s+/, "");
}
