/**
 * Statements that allow more than their author probably meant: Allow with NotAction,
 * NotResource or NotPrincipal, a public principal, iam:PassRole on every role.
 */
import type { PrincipalElement, Statement } from "../ast";
import { globToRegExp } from "../catalog";
import { q, type ValidationContext } from "./context";

/** Condition keys that pin a wildcard principal down to known callers. */
const RESTRICTING_KEYS = new Set([
  "aws:principalarn",
  "aws:principalaccount",
  "aws:principalorgid",
  "aws:principalorgpaths",
  "aws:principalservicename",
  "aws:principalisawsservice",
  "aws:sourcearn",
  "aws:sourceaccount",
  "aws:sourceowner",
  "aws:sourceorgid",
  "aws:sourceorgpaths",
  "aws:sourcevpc",
  "aws:sourcevpce",
  "aws:sourceip",
  "aws:userid",
  "aws:username",
]);

export function checkSecurity(ctx: ValidationContext, statement: Statement): void {
  if (statement.effect.value !== "Allow") return;
  const base = ctx.statementPath(statement);

  if (statement.notAction) {
    ctx.report(
      "ALLOW_WITH_NOT_ACTION",
      'Using Allow with NotAction allows every action except the ones listed, in every service — including actions added to AWS later. We recommend that you list the allowed actions in "Action" instead.',
      [...base, { value: "NotAction" }],
      statement.notAction.keySpan,
      'Replace "NotAction" with an "Action" list, or use a Deny statement with NotAction.',
    );
  }
  if (statement.notResource) {
    ctx.report(
      "ALLOW_WITH_NOT_RESOURCE",
      'Using Allow with NotResource allows the actions on every resource except the ones listed, including resources created later. We recommend that you list the allowed resources in "Resource" instead.',
      [...base, { value: "NotResource" }],
      statement.notResource.keySpan,
      'Replace "NotResource" with a "Resource" list.',
    );
  }
  if (statement.notPrincipal) {
    ctx.report(
      "ALLOW_WITH_NOT_PRINCIPAL",
      "Using Allow with NotPrincipal can be overly permissive: it allows every principal except the ones listed, including anonymous users. We recommend that you use Principal instead.",
      [...base, { value: "NotPrincipal" }],
      statement.notPrincipal.keySpan,
      'Replace "NotPrincipal" with a "Principal" naming who may act.',
    );
  }
  if (statement.principal && isPublic(statement.principal) && !isRestricted(statement)) {
    ctx.report(
      "WILDCARD_PRINCIPAL",
      'The principal "*" allows anyone — any AWS account, and anonymous callers — to perform these actions, unless a condition restricts who. We recommend that you name the principals, or add a condition such as aws:PrincipalAccount or aws:PrincipalOrgID.',
      [...base, { value: "Principal" }],
      statement.principal.span,
      'Name the principals, e.g. {"AWS": "arn:aws:iam::111122223333:root"}.',
    );
  }
  checkPassRole(ctx, statement);
}

function isPublic(principal: PrincipalElement): boolean {
  if (principal.wildcard) return true;
  return principal.entries.some((e) => e.type === "AWS" && e.values.some((v) => v.value === "*"));
}

function isRestricted(statement: Statement): boolean {
  for (const op of statement.condition?.operators ?? []) {
    // A negated or IfExists test does not restrict who calls when the key is absent.
    if (!op.parsed || op.parsed.ifExists || /Not/.test(op.parsed.base) || op.parsed.base === "Null")
      continue;
    for (const entry of op.entries) {
      if (!RESTRICTING_KEYS.has(entry.key.toLowerCase())) continue;
      if (entry.values.some((v) => v.value !== "*")) return true;
    }
  }
  return false;
}

function checkPassRole(ctx: ValidationContext, statement: Statement): void {
  const actions = statement.action;
  if (!actions) return;
  const passRole = actions.values.find(
    (a) => a.value === "*" || (a.value.includes(":") && globToRegExp(a.value).test("iam:PassRole")),
  );
  if (!passRole) return;
  const starResource =
    statement.notResource !== undefined ||
    (statement.resource?.values.some((r) => r.value === "*") ?? false);
  if (!starResource) return;
  const hasPassedTo = (statement.condition?.operators ?? []).some((op) =>
    op.entries.some((e) => e.key.toLowerCase() === "iam:passedtoservice"),
  );
  if (hasPassedTo) return;
  const index = actions.values.indexOf(passRole);
  const starAction = passRole.value !== "iam:PassRole" && /[*?]/.test(passRole.value);
  ctx.report(
    starAction ? "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE" : "PASS_ROLE_WITH_STAR_IN_RESOURCE",
    `Using the iam:PassRole action${starAction ? ` (through ${q(passRole.value)})` : ""} with wildcards (*) in the resource can be overly permissive because it allows iam:PassRole permissions on multiple resources. We recommend that you specify resource ARNs or add the iam:PassedToService condition key to your statement.`,
    ctx.elementPath(statement, "Action", actions.isArray, index),
    passRole.span,
    'Limit "Resource" to the role ARNs to pass, e.g. arn:aws:iam::111122223333:role/SecretsManagerRotation*.',
  );
}
