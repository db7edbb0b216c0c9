/**
 * What the visual editor does to a model: add, duplicate, remove and change permission blocks.
 * Pure functions returning new models; parts not touched keep their form.
 */
import type { PolicyKind } from "@/lib/iam";
import { newBlockId } from "./parse-to-model";
import type {
  ActionPart,
  PermissionBlock,
  PrincipalPart,
  ResourcePart,
  VisualModel,
} from "./types";

/** A new, empty block for the policy's kind ("Add additional permissions"). */
export function emptyBlock(kind: PolicyKind, service?: string): PermissionBlock {
  const block: PermissionBlock = {
    id: newBlockId(),
    order: [],
    raw: [],
    effect: "Allow",
    action: { element: "Action", values: [], array: true },
  };
  if (kind !== "trust") block.resource = { element: "Resource", values: [], array: true };
  if (kind === "trust" || kind === "resource") {
    block.principal = { element: "Principal", wildcard: false, groups: [] };
  }
  const chosen = service ?? (kind === "trust" ? "sts" : undefined);
  if (chosen) block.chosenService = chosen;
  return block;
}

export function addBlock(model: VisualModel, block: PermissionBlock = emptyBlock(model.kind)) {
  return { ...model, blocks: [...model.blocks, block] };
}

export function updateBlock(
  model: VisualModel,
  id: string,
  change: (block: PermissionBlock) => PermissionBlock,
): VisualModel {
  return { ...model, blocks: model.blocks.map((b) => (b.id === id ? change(b) : b)) };
}

export function removeBlock(model: VisualModel, id: string): VisualModel {
  return { ...model, blocks: model.blocks.filter((b) => b.id !== id) };
}

/** Puts a block back where it was (undo of remove). */
export function insertBlock(model: VisualModel, block: PermissionBlock, index: number) {
  const blocks = [...model.blocks];
  blocks.splice(Math.max(0, Math.min(index, blocks.length)), 0, block);
  return { ...model, blocks };
}

/** A copy of the block right after it; a Sid gets a suffix so Sids stay unique. */
export function duplicateBlock(model: VisualModel, id: string): VisualModel {
  const index = model.blocks.findIndex((b) => b.id === id);
  if (index < 0) return model;
  const copy: PermissionBlock = structuredClone(model.blocks[index]);
  copy.id = newBlockId();
  if (copy.sid) copy.sid = uniqueSid(copy.sid, model.blocks);
  const blocks = [...model.blocks];
  blocks.splice(index + 1, 0, copy);
  return { ...model, blocks };
}

function uniqueSid(sid: string, blocks: PermissionBlock[]): string {
  const taken = new Set(blocks.map((b) => b.sid));
  const base = sid.replace(/\d+$/, "") || sid;
  for (let n = 2; ; n++) {
    const candidate = `${base}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function setEffect(block: PermissionBlock, effect: "Allow" | "Deny"): PermissionBlock {
  return { ...block, effect, raw: block.raw.filter((r) => r.key !== "Effect") };
}

export function setSid(block: PermissionBlock, sid: string): PermissionBlock {
  const raw = block.raw.filter((r) => r.key !== "Sid");
  if (sid === "") {
    const { sid: _drop, ...rest } = block;
    return { ...rest, raw };
  }
  return { ...block, sid, raw };
}

/** A list written as IAM's console writes it: one value as a string, several as an array. */
function list<E extends string>(element: E, values: string[]) {
  return { element, values, array: values.length !== 1 };
}

export function setActions(block: PermissionBlock, values: string[]): PermissionBlock {
  const element = block.action?.element ?? "Action";
  return { ...block, action: list(element, dedupe(values)) satisfies ActionPart };
}

export function setActionElement(
  block: PermissionBlock,
  element: ActionPart["element"],
): PermissionBlock {
  const action = block.action ?? { element, values: [], array: true };
  return { ...block, action: { ...action, element } };
}

export function setResources(block: PermissionBlock, values: string[]): PermissionBlock {
  const element = block.resource?.element ?? "Resource";
  return { ...block, resource: list(element, dedupe(values)) satisfies ResourcePart };
}

/** "Specific", "All resources" or "All except" (NotResource). */
export type ResourceMode = "specific" | "all" | "except";

export function resourceMode(block: PermissionBlock): ResourceMode | undefined {
  const r = block.resource;
  if (!r) return undefined;
  if (r.element === "NotResource") return "except";
  return r.values.length === 1 && r.values[0] === "*" ? "all" : "specific";
}

export function setResourceMode(block: PermissionBlock, mode: ResourceMode): PermissionBlock {
  const current = block.resource;
  const specific = current && current.values.some((v) => v !== "*") ? current.values : [];
  const kept = specific.filter((v) => v !== "*");
  switch (mode) {
    case "all":
      return { ...block, resource: { element: "Resource", values: ["*"], array: false } };
    case "specific":
      return { ...block, resource: list("Resource", kept) };
    case "except":
      return { ...block, resource: list("NotResource", kept) };
  }
}

/** Choosing another service starts the block's actions and resources afresh. */
export function setService(block: PermissionBlock, prefix: string): PermissionBlock {
  const next: PermissionBlock = {
    ...block,
    chosenService: prefix,
    action: { element: block.action?.element ?? "Action", values: [], array: true },
    raw: block.raw.filter((r) => !["Action", "NotAction"].includes(r.key)),
  };
  if (block.resource) next.resource = { element: "Resource", values: [], array: true };
  return next;
}

export function setPrincipal(
  block: PermissionBlock,
  principal: PrincipalPart | undefined,
): PermissionBlock {
  const raw = block.raw.filter((r) => !["Principal", "NotPrincipal"].includes(r.key));
  if (!principal) {
    const { principal: _drop, ...rest } = block;
    return { ...rest, raw };
  }
  return { ...block, principal, raw };
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}
