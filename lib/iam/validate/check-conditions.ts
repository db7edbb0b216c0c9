/**
 * Condition blocks: condition keys exist and apply to the statement's actions, operators suit
 * the key's type, values parse as the operator's type, set operators suit the key.
 */
import type { BaseOperator, ConditionEntry, ConditionOperatorNode, Statement } from "../ast";
import type { CatalogConditionKey, ConditionKeyType } from "../catalog";
import { q, type ValidationContext } from "./context";
import type { PathElement } from "./types";

type Family = "String" | "Numeric" | "Date" | "Bool" | "Binary" | "IpAddress" | "Arn" | "Null";

export function operatorFamily(base: BaseOperator): Family {
  if (base.startsWith("String")) return "String";
  if (base.startsWith("Numeric")) return "Numeric";
  if (base.startsWith("Date")) return "Date";
  if (base === "Bool") return "Bool";
  if (base === "BinaryEquals") return "Binary";
  if (base === "IpAddress" || base === "NotIpAddress") return "IpAddress";
  if (base.startsWith("Arn")) return "Arn";
  return "Null";
}

/** Key types each operator family can compare (Null tests presence: any type). */
const FAMILY_TYPES: Record<Family, readonly string[] | undefined> = {
  // String operators read any value as text; IAM accepts them on every type.
  String: undefined,
  Numeric: ["Numeric"],
  Date: ["Date"],
  Bool: ["Bool"],
  Binary: ["Binary"],
  IpAddress: ["IPAddress"],
  Arn: ["ARN", "String"],
  Null: undefined,
};

const OPERATOR_FOR_TYPE: Record<string, string> = {
  String: "String",
  ARN: "Arn (or String)",
  Numeric: "Numeric",
  Date: "Date",
  Bool: "Bool",
  Binary: "BinaryEquals",
  IPAddress: "IpAddress",
};

function scalarType(type: ConditionKeyType): string {
  return type.startsWith("ArrayOf") ? type.slice("ArrayOf".length) : type;
}

export function checkConditions(ctx: ValidationContext, statement: Statement): void {
  const condition = statement.condition;
  if (!condition) return;
  for (const op of condition.operators) {
    for (const entry of op.entries) {
      const path: PathElement[] = [
        ...ctx.statementPath(statement),
        { value: "Condition" },
        { value: op.operator },
        { value: entry.key },
      ];
      const key = checkKey(ctx, statement, entry, path);
      if (op.parsed) checkOperator(ctx, statement, op, entry, key, path);
    }
  }
}

function checkKey(
  ctx: ValidationContext,
  statement: Statement,
  entry: ConditionEntry,
  path: PathElement[],
): CatalogConditionKey | undefined {
  const name = entry.key;
  const colon = name.indexOf(":");
  // No vendor prefix: the parser reports it.
  if (colon <= 0) return undefined;
  const service = name.slice(0, colon);
  const catalog = ctx.catalog;
  const found = catalog.conditionKey(name);
  if (service.toLowerCase() === "aws") {
    if (!found) {
      ctx.report(
        "INVALID_GLOBAL_CONDITION_KEY",
        `The condition key ${q(name)} does not exist. Use a valid condition key.`,
        path,
        entry.keySpan,
        "Global condition keys include aws:SourceIp, aws:PrincipalArn, aws:PrincipalTag/<key>, aws:ResourceTag/<key>, aws:SecureTransport, aws:CurrentTime.",
      );
    }
    return found;
  }
  if (found) {
    if (!found.global) checkKeyApplies(ctx, statement, entry, found, path);
    return found;
  }
  // Keys of identity providers (saml:, cognito-identity.amazonaws.com:, ...) are not catalogued.
  if (!catalog.hasService(service)) {
    if (
      /[.]/.test(service) ||
      ["saml", "www.amazon.com", "graph.facebook.com", "accounts.google.com"].includes(service)
    ) {
      return undefined;
    }
    ctx.report(
      "INVALID_SERVICE_CONDITION_KEY",
      `The condition key ${q(name)} does not exist: there is no service ${q(service)}.`,
      path,
      entry.keySpan,
    );
    return undefined;
  }
  if (!catalog.hasServiceData(service)) return undefined;
  ctx.report(
    "INVALID_SERVICE_CONDITION_KEY",
    `The condition key ${q(name)} does not exist in the service ${service}.`,
    path,
    entry.keySpan,
    `Choose one of the condition keys of ${service}, or a global key (aws:...).`,
  );
  return undefined;
}

/** A service key no action of the statement supports is never in the request: the condition never matches. */
function checkKeyApplies(
  ctx: ValidationContext,
  statement: Statement,
  entry: ConditionEntry,
  key: CatalogConditionKey,
  path: PathElement[],
): void {
  const actions = statement.action;
  if (!actions) return;
  let any = false;
  for (const node of actions.values) {
    const expanded = ctx.expand(node.value);
    // "*" or a pattern the catalogue cannot expand: cannot tell, say nothing.
    if (!expanded) return;
    if (expanded.some((a) => ctx.catalog.actionSupportsConditionKey(a, entry.key))) {
      any = true;
      break;
    }
  }
  if (any) return;
  ctx.report(
    "CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS",
    `None of the actions in this statement supports the condition key ${key.name === entry.key ? q(entry.key) : `${q(entry.key)} (${key.name})`}: ` +
      `requests for them never carry it, so this condition ${statement.effect.value === "Allow" ? "never matches and the statement grants nothing" : "never matches and the statement denies nothing"}.`,
    path,
    entry.keySpan,
    "Use a condition key the actions support, or a global key (aws:...).",
  );
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const DATE =
  /^(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?|\d{4}-\d{2}-\d{2}T\d{2}(Z)?|-?\d+)$/;
const IPV4 =
  /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}(\/([0-9]|[12]\d|3[0-2]))?$/;
const IPV6 = /^[0-9a-fA-F:]*:[0-9a-fA-F:.]*(\/(\d|[1-9]\d|1[01]\d|12[0-8]))?$/;

function checkOperator(
  ctx: ValidationContext,
  statement: Statement,
  op: ConditionOperatorNode,
  entry: ConditionEntry,
  key: CatalogConditionKey | undefined,
  path: PathElement[],
): void {
  const parsed = op.parsed!;
  const family = operatorFamily(parsed.base);

  if (key) {
    const type = scalarType(key.type);
    const allowed = FAMILY_TYPES[family];
    if (allowed && !allowed.includes(type)) {
      ctx.report(
        "TYPE_MISMATCH",
        `Use the operator type ${OPERATOR_FOR_TYPE[type] ?? type} instead of operator ${op.operator} for the condition key ${entry.key}: it is of type ${key.type}, so this condition never matches.`,
        [...path.slice(0, -1)],
        op.keySpan,
      );
    }
    if (
      parsed.set === "ForAllValues" &&
      !key.type.startsWith("ArrayOf") &&
      statement.effect.value === "Allow"
    ) {
      ctx.report(
        "FORALLVALUES_WITH_SINGLE_VALUED_KEY",
        `Using ForAllValues qualifier with the single-valued condition key ${entry.key} can be overly permissive: ForAllValues also matches when the key is absent from the request. We recommend that you remove ForAllValues:.`,
        path,
        entry.keySpan,
        `Use ${op.operator.replace(/^ForAllValues:/i, "")}.`,
      );
    }
  }

  entry.values.forEach((value, i) => {
    const text = value.value;
    if (text.includes("${")) return;
    const valuePath = entry.isArray ? [...path, { index: i }] : path;
    switch (family) {
      case "Numeric":
        if (!NUMBER.test(text)) {
          ctx.report(
            "TYPE_MISMATCH_NUMBER",
            `Add a valid numeric value for the condition operator ${op.operator}: ${q(text)} is not a number.`,
            valuePath,
            value.span,
          );
        }
        break;
      case "Date":
        if (!DATE.test(text) || Number.isNaN(dateValue(text))) {
          ctx.report(
            "TYPE_MISMATCH_DATE",
            `The date condition operator ${op.operator} is used with an invalid value ${q(text)}. Specify a valid date using YYYY-MM-DD or other ISO 8601 date/time format, or seconds since the epoch.`,
            valuePath,
            value.span,
          );
        }
        break;
      case "Bool":
      case "Null":
        if (!/^(true|false)$/i.test(text)) {
          ctx.report(
            "TYPE_MISMATCH_BOOLEAN",
            `Add a valid Boolean value (true or false) for the condition operator ${op.operator}.`,
            valuePath,
            value.span,
          );
        }
        break;
      case "IpAddress":
        if (!IPV4.test(text) && !IPV6.test(text)) {
          ctx.report(
            "TYPE_MISMATCH_IP_RANGE",
            `The IP address condition operator ${op.operator} is used with an invalid value ${q(text)}. Use an IPv4 or IPv6 address or CIDR range, e.g. 203.0.113.0/24.`,
            valuePath,
            value.span,
          );
        }
        break;
      case "String":
        if (/[*?]/.test(text) && !/Like$/.test(parsed.base)) {
          ctx.report(
            "WILDCARD_WITH_EQUALITY_OPERATOR",
            `${op.operator} compares ${q(text)} literally: * and ? are wildcards only with StringLike and StringNotLike.`,
            valuePath,
            value.span,
            parsed.base === "StringEquals" || parsed.base === "StringNotEquals"
              ? `Use ${op.operator.replace(/String(Not)?Equals/i, (_m, not: string | undefined) => (not ? "StringNotLike" : "StringLike"))} if you meant a wildcard.`
              : undefined,
          );
        }
        break;
      default:
        break;
    }
  });
}

function dateValue(text: string): number {
  return /^-?\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text);
}
