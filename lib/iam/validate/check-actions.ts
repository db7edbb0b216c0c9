/** Action and NotAction: the service exists, the action exists, a pattern matches something. */
import type { Statement, StringNode } from "../ast";
import { q, type ValidationContext } from "./context";

export function checkActions(ctx: ValidationContext, statement: Statement): void {
  for (const name of ["Action", "NotAction"] as const) {
    const list = name === "Action" ? statement.action : statement.notAction;
    list?.values.forEach((node, i) =>
      checkAction(ctx, node, () => ctx.elementPath(statement, name, list.isArray, i)),
    );
  }
}

function checkAction(
  ctx: ValidationContext,
  node: StringNode,
  path: () => ReturnType<ValidationContext["elementPath"]>,
): void {
  const action = node.value;
  if (action === "*") return;
  const colon = action.indexOf(":");
  // No vendor prefix, or more than one colon: the parser reports it.
  if (colon <= 0 || action.indexOf(":", colon + 1) >= 0) return;
  const service = action.slice(0, colon);
  const actionPart = action.slice(colon + 1);
  const catalog = ctx.catalog;

  const services = catalog.matchServices(service);
  if (services.length === 0) {
    ctx.report(
      "INVALID_SERVICE_IN_ACTION",
      `The service ${q(service)} specified in the action ${q(action)} does not exist.`,
      path(),
      node.span,
      suggestService(ctx, service),
    );
    return;
  }
  // A wildcard in the service name: matching services exist, their actions are not checked.
  if (/[*?]/.test(service)) return;
  if (!catalog.hasServiceData(service)) return;

  if (!/[*?]/.test(actionPart)) {
    if (!catalog.getAction(action)) {
      const close = closestAction(ctx, service, actionPart);
      ctx.report(
        "INVALID_ACTION",
        `The action ${q(action)} does not exist.${close ? ` Did you mean ${close}?` : ""}`,
        path(),
        node.span,
        close
          ? `Replace it with ${close}.`
          : `Choose an action of ${services[0].name} (${service}:...).`,
      );
    }
    return;
  }
  if (!catalog.actionPatternMatches(action)) {
    ctx.report(
      "INVALID_ACTION",
      `The action pattern ${q(action)} does not match any action of ${services[0].name}.`,
      path(),
      node.span,
      `Check the pattern against the actions of ${service}.`,
    );
  }
}

function suggestService(ctx: ValidationContext, service: string): string | undefined {
  const lower = service.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const s of ctx.catalog.listServices()) {
    const d = editDistance(lower, s.prefix, bestDistance);
    if (d < bestDistance) {
      bestDistance = d;
      best = s.prefix;
    }
  }
  return best ? `Did you mean the service prefix ${q(best)}?` : undefined;
}

function closestAction(ctx: ValidationContext, service: string, name: string): string | undefined {
  const lower = name.toLowerCase();
  const actions = ctx.catalog.getService(service)?.actions ?? [];
  // A name cut short ("GetSecret"): the shortest action it begins.
  let best: string | undefined;
  let bestLength = Infinity;
  for (const action of actions) {
    if (action.name.length < bestLength && action.name.toLowerCase().startsWith(lower)) {
      best = action.fullName;
      bestLength = action.name.length;
    }
  }
  if (best) return best;
  // A typo: the nearest name within a few edits.
  let bestDistance = Math.min(4, Math.max(2, Math.floor(name.length / 3)) + 1);
  for (const action of actions) {
    const d = editDistance(lower, action.name.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      bestDistance = d;
      best = action.fullName;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit`) once it cannot be below `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = new Array<number>(b.length + 1);
  let curr = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = curr[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      curr[j] = Math.min(prev[j] + 1, curr[j - 1] + 1, prev[j - 1] + cost);
      if (curr[j] < rowMin) rowMin = curr[j];
    }
    if (rowMin >= limit) return limit;
    [prev, curr] = [curr, prev];
  }
  return Math.min(prev[b.length], limit);
}
