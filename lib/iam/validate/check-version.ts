/**
 * Version and policy variables: a policy without Version is read as 2008-10-17, where
 * `${aws:username}` is plain text, so a variable there never does what its author meant.
 */
import type { Statement, StringNode, ValueNode } from "../ast";
import { q, type ValidationContext } from "./context";
import type { PathElement } from "./types";

export function checkVersion(ctx: ValidationContext): void {
  const doc = ctx.document;
  if (!doc.version) {
    ctx.report(
      "MISSING_VERSION",
      "We recommend that you specify the Version element to help you with debugging permission issues. Without it the policy is read as version 2008-10-17, which does not support policy variables.",
      [],
      {
        start: doc.span.start,
        end: {
          ...doc.span.start,
          column: doc.span.start.column + 1,
          offset: doc.span.start.offset + 1,
        },
      },
      'Add "Version": "2012-10-17" as the first element.',
    );
  }
  for (const statement of doc.statements) checkStatementVariables(ctx, statement);
}

function checkStatementVariables(ctx: ValidationContext, statement: Statement): void {
  const legacy = ctx.document.effectiveVersion !== "2012-10-17";
  for (const name of ["Action", "NotAction"] as const) {
    const list = name === "Action" ? statement.action : statement.notAction;
    list?.values.forEach((node, i) => {
      if (node.value.includes("${")) {
        ctx.report(
          "VARIABLE_UNSUPPORTED_IN_ELEMENT",
          `Policy variables are not supported in the ${name} element: ${q(node.value)} is compared as written.`,
          ctx.elementPath(statement, name, list.isArray, i),
          node.span,
          "Remove the variable; policy variables work in Resource and in condition values.",
        );
      }
    });
  }
  for (const name of ["Resource", "NotResource"] as const) {
    const list = name === "Resource" ? statement.resource : statement.notResource;
    list?.values.forEach((node, i) =>
      checkVariables(ctx, node, ctx.elementPath(statement, name, list.isArray, i), legacy),
    );
  }
  for (const op of statement.condition?.operators ?? []) {
    for (const entry of op.entries) {
      entry.values.forEach((value, i) => {
        const path: PathElement[] = [
          ...ctx.statementPath(statement),
          { value: "Condition" },
          { value: op.operator },
          { value: entry.key },
        ];
        if (entry.isArray) path.push({ index: i });
        checkVariables(ctx, value, path, legacy);
      });
    }
  }
}

const VARIABLE = /\$\{([^}]*)\}/g;

function checkVariables(
  ctx: ValidationContext,
  node: StringNode | ValueNode,
  path: PathElement[],
  legacy: boolean,
): void {
  const text = node.value;
  const open = text.indexOf("${");
  if (open < 0) return;
  if (legacy) {
    ctx.report(
      "VARIABLE_UNSUPPORTED_IN_VERSION",
      `Policy variables need policy version 2012-10-17. In ${ctx.document.version ? "version 2008-10-17" : "a policy without a Version element"} ${q(text)} is compared as written, so the variable is never substituted.`,
      path,
      node.span,
      'Set "Version": "2012-10-17".',
    );
    return;
  }
  for (const match of text.matchAll(VARIABLE)) {
    const body = match[1].trim();
    if (body === "") {
      ctx.report(
        "EMPTY_VARIABLE",
        "Add a condition key to the empty variable ${}.",
        path,
        node.span,
      );
      continue;
    }
    const key = body.replace(/\s*,\s*'[^']*'$/, "");
    if (key === "*" || key === "?" || key === "$") continue;
    if (key.toLowerCase().startsWith("aws:") && !ctx.catalog.conditionKey(key)) {
      ctx.report(
        "UNKNOWN_POLICY_VARIABLE",
        `The policy variable \${${key}} is not a known global condition key: it has no value in any request, so this value never matches.`,
        path,
        node.span,
        "Check the spelling, e.g. ${aws:username} or ${aws:PrincipalTag/team}.",
      );
    }
  }
  const rest = text.replace(VARIABLE, "");
  if (rest.includes("${")) {
    ctx.report(
      "MISSING_BRACE_IN_VARIABLE",
      `The policy variable in ${q(text)} has no closing brace.`,
      path,
      node.span,
      "Close the variable with }.",
    );
  }
}
