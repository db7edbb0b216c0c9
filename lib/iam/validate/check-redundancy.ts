/**
 * Suggestions: an action or resource already covered by another in the same statement, a
 * statement whose every request another statement (same effect, principal, condition) covers.
 */
import type { ListElement, PrincipalElement, Statement, ConditionElement } from "../ast";
import { globCovers, tokenizeGlob, type GlobToken } from "../catalog";
import { q, type ValidationContext } from "./context";

interface Tokens {
  value: string;
  /** `value` as compared: lower-cased for actions. */
  text: string;
  tokens: GlobToken[];
  /** The text before the first wildcard or variable: whatever this pattern covers starts with it. */
  prefix: string;
  /** The literal runs between wildcards: whatever this pattern covers holds them, in order. */
  segments: string[];
  /** Group for comparison: the service of an action or ARN; "" when a wildcard could reach any. */
  group: string;
}

const WILDCARD = /[*?]|\$\{/;

function literalPrefix(text: string): string {
  const m = WILDCARD.exec(text);
  return m ? text.slice(0, m.index) : text;
}

function literalSegments(text: string): string[] {
  return text.split(/[*?]|\$\{[^}]*\}/).filter((part) => part !== "");
}

/** A cheap test that rules most pairs out before the exact (quadratic) comparison. */
function mayCover(outer: Tokens, inner: Tokens): boolean {
  if (!inner.text.startsWith(outer.prefix)) return false;
  let from = 0;
  for (const segment of outer.segments) {
    const at = inner.text.indexOf(segment, from);
    if (at < 0) return false;
    from = at + segment.length;
  }
  return true;
}

function actionTokens(list: ListElement): Tokens[] {
  return list.values.map((v) => {
    const text = v.value.toLowerCase();
    const colon = text.indexOf(":");
    const service = colon > 0 ? text.slice(0, colon) : "";
    return {
      value: v.value,
      text,
      tokens: tokenizeGlob(v.value, { ignoreCase: true }),
      prefix: literalPrefix(text),
      segments: literalSegments(text),
      group: WILDCARD.test(service) ? "" : service,
    };
  });
}

function resourceTokens(list: ListElement): Tokens[] {
  return list.values.map((v) => {
    const service = v.value.split(":", 3)[2] ?? "";
    return {
      value: v.value,
      text: v.value,
      tokens: tokenizeGlob(v.value),
      prefix: literalPrefix(v.value),
      segments: literalSegments(v.value),
      group: v.value.startsWith("arn:") && !WILDCARD.test(service) ? service : "",
    };
  });
}

/**
 * Patterns indexed for "which one covers this?": by group, so that a policy listing thousands
 * of actions (ReadOnlyAccess) compares each only with its own service's patterns.
 */
class PatternIndex {
  private readonly byGroup = new Map<string, number[]>();
  private readonly exact = new Map<string, number>();

  constructor(readonly items: Tokens[]) {
    items.forEach((item, i) => {
      if (!this.exact.has(item.text)) this.exact.set(item.text, i);
      if (item.prefix === item.text) return;
      let list = this.byGroup.get(item.group);
      if (!list) this.byGroup.set(item.group, (list = []));
      list.push(i);
    });
  }

  /** Index of an entry covering `item` other than `self` (of identical entries, the first covers the later). */
  covering(item: Tokens, self = -1): number {
    const same = this.exact.get(item.text);
    if (same !== undefined && same !== self && (self < 0 || same < self)) return same;
    const groups = item.group === "" ? [...this.byGroup.keys()] : [item.group, ""];
    for (const group of groups) {
      for (const i of this.byGroup.get(group) ?? []) {
        if (i === self) continue;
        const outer = this.items[i];
        if (outer.text === item.text || !mayCover(outer, item)) continue;
        if (globCovers(outer.tokens, item.tokens)) return i;
      }
    }
    return -1;
  }
}

export function checkRedundantValues(ctx: ValidationContext, statement: Statement): void {
  const lists: [string, ListElement | undefined, boolean][] = [
    ["Action", statement.action, true],
    ["NotAction", statement.notAction, true],
    ["Resource", statement.resource, false],
    ["NotResource", statement.notResource, false],
  ];
  for (const [name, list, isAction] of lists) {
    if (!list || list.values.length < 2) continue;
    const items = isAction ? actionTokens(list) : resourceTokens(list);
    const index = new PatternIndex(items);
    items.forEach((item, j) => {
      if (ctx.erroneous.has(list.values[j].span.start.offset)) return;
      const i = index.covering(item, j);
      if (i < 0) return;
      const same = items[i].text === item.text;
      ctx.report(
        isAction ? "REDUNDANT_ACTION" : "REDUNDANT_RESOURCE",
        same
          ? `${q(item.value)} is listed twice in ${name}.`
          : `${q(item.value)} is redundant because ${q(items[i].value)} in the same ${name} element already matches everything it matches.`,
        ctx.elementPath(statement, name, list.isArray, j),
        list.values[j].span,
        `Remove ${q(item.value)}.`,
      );
    });
  }
}

export function checkRedundantStatements(ctx: ValidationContext): void {
  const statements = ctx.document.statements;
  if (statements.length < 2) return;
  const shapes = statements.map((s) => shape(s));
  statements.forEach((statement, j) => {
    const mine = shapes[j];
    if (!mine) return;
    for (let i = 0; i < statements.length; i++) {
      if (i === j) continue;
      const other = shapes[i];
      if (!other || other.key !== mine.key) continue;
      const covers =
        listCovers(other.actions, mine.actions) && listCovers(other.resources, mine.resources);
      if (!covers) continue;
      const mutual =
        listCovers(mine.actions, other.actions) && listCovers(mine.resources, other.resources);
      // Identical statements: report the later one only.
      if (mutual && i > j) continue;
      const otherStatement = statements[i];
      const name = otherStatement.sid?.value
        ? `statement ${q(otherStatement.sid.value)}`
        : `statement ${otherStatement.index + 1}`;
      ctx.report(
        "REDUNDANT_STATEMENT",
        mutual
          ? `This statement is redundant because it provides identical permissions to ${name}.`
          : `This statement is redundant because ${name} already ${statement.effect.value === "Allow" ? "allows" : "denies"} every action on every resource it covers, under the same conditions.`,
        ctx.statementPath(statement),
        statement.span,
        "Remove the statement, or merge it into the other one.",
      );
      return;
    }
  });
}

interface Shape {
  /** Effect, principal and condition, normalised: statements compare only when these agree. */
  key: string;
  actions: PatternIndex;
  resources: PatternIndex;
}

function shape(s: Statement): Shape | undefined {
  // NotAction / NotResource statements are left alone: coverage between complements is rarely what is meant.
  if (!s.action || !s.resource || s.notAction || s.notResource) return undefined;
  const key = JSON.stringify([
    s.effect.value,
    principalKey(s.principal),
    principalKey(s.notPrincipal),
    conditionKey(s.condition),
  ]);
  return {
    key,
    actions: new PatternIndex(actionTokens(s.action)),
    resources: new PatternIndex(resourceTokens(s.resource)),
  };
}

function principalKey(p: PrincipalElement | undefined): unknown {
  if (!p) return null;
  if (p.wildcard) return "*";
  return p.entries
    .map((e) => [e.type, e.values.map((v) => v.value).sort()] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function conditionKey(c: ConditionElement | undefined): unknown {
  if (!c) return null;
  return c.operators
    .map((op) => [
      op.operator.toLowerCase(),
      op.entries
        .map((e) => [e.key.toLowerCase(), e.values.map((v) => v.value).sort()] as const)
        .sort(),
    ])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

function listCovers(outer: PatternIndex, inner: PatternIndex): boolean {
  return inner.items.every((x) => outer.covering(x) >= 0);
}
