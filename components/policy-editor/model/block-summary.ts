/** The one line a collapsed permission block shows: what it allows or denies, on what, when. */
import type { Catalog } from "@/lib/iam/catalog";
import { actionSelection, blockServices, chosenActions, shortServiceName } from "./actions";
import { conditionRows } from "./conditions";
import { principalRows } from "./principals";
import type { PermissionBlock } from "./types";

export function blockTitle(block: PermissionBlock, catalog: Catalog | undefined): string {
  if (block.rawStatement) return "Statement the visual editor cannot show";
  const services = blockServices(block);
  switch (services.kind) {
    case "none":
      return "Choose a service";
    case "all":
      return "All services";
    case "mixed":
      return `Multiple services (${services.prefixes.join(", ")})`;
    case "one": {
      const summary = catalog?.matchServices(services.prefix)[0];
      const name = summary ? shortServiceName(summary.name) : services.prefix;
      // NotAction: the block is about every other action, of every service.
      return block.action?.element === "NotAction" && (block.action.values.length ?? 0) > 0
        ? `All services except chosen ${name} actions`
        : name;
    }
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function blockSummary(block: PermissionBlock, catalog: Catalog | undefined): string {
  if (block.rawStatement) return block.rawStatement.reason;
  const parts: string[] = [];
  parts.push(block.effect ?? "Effect not readable");

  const principals = principalRows(block.principal);
  if (block.principal) {
    const everyone = principals.some((p) => p.kind === "everyone");
    const not = block.principal.element === "NotPrincipal" ? "everyone except " : "";
    parts.push(
      everyone && !not ? "everyone (*)" : `${not}${plural(principals.length, "principal")}`,
    );
  }

  const values = block.action?.values ?? [];
  const not = block.action?.element === "NotAction";
  const services = blockServices(block);
  if (!block.action) parts.push("actions not readable");
  else if (values.length === 0) parts.push("no actions chosen");
  else if (not) parts.push(`all actions except ${plural(values.length, "action")}`);
  else if (services.kind === "all") parts.push("all actions");
  else if (services.kind === "one" && catalog?.hasServiceData(services.prefix)) {
    const selection = actionSelection(block, services.prefix, catalog);
    if (selection.all) parts.push("all actions");
    else {
      const chosen = chosenActions(block, services.prefix, catalog);
      const names = chosen.map((a) => a.name);
      const unknown = selection.unknown.length;
      parts.push(
        names.length > 0 && names.length <= 3
          ? `${names.join(", ")}${unknown ? ` and ${plural(unknown, "unknown action")}` : ""}`
          : plural(names.length + unknown, "action"),
      );
    }
  } else parts.push(plural(values.length, "action"));

  const r = block.resource;
  if (r) {
    if (r.element === "NotResource")
      parts.push(`all resources except ${plural(r.values.length, "resource")}`);
    else if (r.values.includes("*")) parts.push("all resources");
    else if (r.values.length === 0) parts.push("no resources chosen");
    else parts.push(plural(r.values.length, "resource"));
  }

  const conditions = conditionRows(block.condition).length;
  if (conditions > 0) parts.push(plural(conditions, "request condition"));
  if (block.raw.length > 0) parts.push(`${plural(block.raw.length, "part")} read-only`);
  return parts.join(" · ");
}
