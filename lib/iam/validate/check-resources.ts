/**
 * Resource and NotResource ARNs: well formed, naming a real service and resource type, with
 * region and account present where the service's ARNs have them (`*`, never an empty field),
 * the seed's `secret:name-*` pitfall, and actions that cannot apply to any listed resource.
 */
import type { Statement, StringNode } from "../ast";
import { PARTITIONS, parseArn, type ArnParts, type CatalogResourceType } from "../catalog";
import { q, type ValidationContext } from "./context";
import type { PathElement } from "./types";

const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;
const ACCOUNT = /^\d{12}$/;
const HAS_PATTERN = /[*?]|\$\{/;

export function checkResources(ctx: ValidationContext, statement: Statement): void {
  for (const name of ["Resource", "NotResource"] as const) {
    const list = name === "Resource" ? statement.resource : statement.notResource;
    list?.values.forEach((node, i) =>
      checkResource(ctx, node, ctx.elementPath(statement, name, list.isArray, i)),
    );
  }
  checkActionsApply(ctx, statement);
}

function checkResource(ctx: ValidationContext, node: StringNode, path: PathElement[]): void {
  const value = node.value;
  if (value === "*") return;
  const arn = parseArn(value);
  // Not ARN-shaped: the parser reports it.
  if (!arn) return;
  const span = node.span;

  if (!HAS_PATTERN.test(arn.partition) && !PARTITIONS.includes(arn.partition)) {
    ctx.report(
      "INVALID_PARTITION",
      `The resource ARN for the service ${arn.service} has an invalid partition ${q(arn.partition)}.`,
      path,
      span,
      `Use a partition such as "aws".`,
    );
  }
  if (arn.service === "") {
    ctx.report(
      "MISSING_ARN_FIELD",
      "The resource ARN has no service. An ARN has six fields: arn:partition:service:region:account:resource.",
      path,
      span,
    );
    return;
  }
  if (HAS_PATTERN.test(arn.service)) return;
  const catalog = ctx.catalog;
  if (!catalog.hasService(arn.service)) {
    ctx.report(
      "INVALID_SERVICE",
      `The service ${q(arn.service)} in the resource ARN does not exist.`,
      path,
      span,
    );
    return;
  }
  if (arn.service !== arn.service.toLowerCase()) {
    ctx.report(
      "INVALID_ARN_SERVICE_CASE",
      `Use lower case for the service ${q(arn.service)} in the resource ARN: ARNs are case-sensitive.`,
      path,
      span,
      `Write ${q(arn.service.toLowerCase())}.`,
    );
    return;
  }
  if (!catalog.hasServiceData(arn.service)) return;

  const types = catalog.resourceTypesForArn(value);
  if (types.length === 0) {
    const formats = (catalog.getService(arn.service)?.resourceTypes ?? []).map((t) => t.arn);
    ctx.report(
      "INVALID_ARN_RESOURCE",
      `Resource ARN does not match the expected ARN format. Update the resource portion of the ARN: ${q(arn.resource)} is not a ${arn.service} resource.`,
      path,
      span,
      formats.length > 0
        ? `Expected one of: ${formats.slice(0, 5).join(", ")}${formats.length > 5 ? ", ..." : ""}`
        : undefined,
    );
    return;
  }
  checkRegionAndAccount(ctx, arn, types, path, node);
  if (arn.service === "secretsmanager") checkSecretSuffix(ctx, arn, path, node);
}

function checkRegionAndAccount(
  ctx: ValidationContext,
  arn: ArnParts,
  types: CatalogResourceType[],
  path: PathElement[],
  node: StringNode,
): void {
  const fields = types.map((t) => parseArn(t.arn)).filter((p): p is ArnParts => p !== undefined);
  if (fields.length === 0) return;
  // Several resource types can match a wildcard ARN: a field is required only when every one
  // has it, and not allowed only when none has it.
  const needsRegion = fields.every((f) => f.region !== "");
  const takesRegion = fields.some((f) => f.region !== "");
  const needsAccount = fields.every((f) => f.account !== "");
  const takesAccount = fields.some((f) => f.account !== "");
  const emptyFieldHint =
    "If you don't care about the region or account that owns the resource, specify a wildcard character * (not an empty field).";

  if (arn.region === "" && needsRegion) {
    ctx.report(
      "MISSING_ARN_REGION",
      `Add a Region to the ${arn.service} resource ARN. ${emptyFieldHint}`,
      path,
      node.span,
      `Write ${q(withField(arn, "region", "*"))}.`,
    );
  } else if (arn.region !== "" && !takesRegion && !HAS_PATTERN.test(arn.region)) {
    ctx.report(
      "ARN_REGION_NOT_ALLOWED",
      `The service ${arn.service} does not support specifying a Region in the resource ARN.`,
      path,
      node.span,
      `Write ${q(withField(arn, "region", ""))}.`,
    );
  } else if (arn.region !== "" && !HAS_PATTERN.test(arn.region) && !REGION.test(arn.region)) {
    ctx.report(
      "INVALID_ARN_REGION",
      `The Region ${q(arn.region)} in the resource ARN is not valid. Use a Region such as us-east-1, or *.`,
      path,
      node.span,
    );
  }

  if (arn.account === "" && needsAccount) {
    ctx.report(
      "INVALID_ARN_ACCOUNT",
      `The resource ARN has an empty account field. ${emptyFieldHint}`,
      path,
      node.span,
      `Write ${q(withField(arn, "account", "*"))}, or the 12-digit account ID.`,
    );
  } else if (arn.account !== "" && !takesAccount && !HAS_PATTERN.test(arn.account)) {
    ctx.report(
      "ARN_ACCOUNT_NOT_ALLOWED",
      `The service ${arn.service} does not support specifying an account ID in the resource ARN.`,
      path,
      node.span,
      `Write ${q(withField(arn, "account", ""))}.`,
    );
  } else if (
    arn.account !== "" &&
    !HAS_PATTERN.test(arn.account) &&
    !ACCOUNT.test(arn.account) &&
    arn.account !== "aws" &&
    // AWS: a Region ending with `*` expands beyond the colon, so what follows it need not be an
    // account (`arn:aws:secretsmanager:*:secret:db-*` names secrets in every Region and account).
    !arn.region.endsWith("*")
  ) {
    ctx.report(
      "INVALID_ARN_ACCOUNT",
      `The resource ARN account ID ${q(arn.account)} is not valid. Provide a 12-digit account ID, or *.`,
      path,
      node.span,
    );
  }
}

function withField(arn: ArnParts, field: "region" | "account", value: string): string {
  const next = { ...arn, [field]: value };
  return `arn:${next.partition}:${next.service}:${next.region}:${next.account}:${next.resource}`;
}

/**
 * The seed's pitfall: `secret:name-*` is meant as "the secret called name" but also matches
 * every secret whose name starts with `name-`. Secrets Manager appends exactly six characters.
 */
function checkSecretSuffix(
  ctx: ValidationContext,
  arn: ArnParts,
  path: PathElement[],
  node: StringNode,
): void {
  const match = /^secret:([^*?]+)-\*$/.exec(arn.resource);
  if (!match) return;
  const name = match[1];
  ctx.report(
    "SECRET_ARN_WILDCARD_SUFFIX",
    `${q(`secret:${name}-*`)} matches the secret ${name} with the 6 random characters Secrets Manager appends (${name}-a1b2c3), ` +
      `but also every other secret whose name starts with "${name}-", e.g. ${name}-other-a1b2c3. ` +
      `Use "${name}-??????" to match exactly the 6 random characters.`,
    path,
    node.span,
    `Write ${q(`arn:${arn.partition}:secretsmanager:${arn.region}:${arn.account}:secret:${name}-??????`)}. ` +
      "Note: if the secret is deleted and created again with the same name, the new secret matches too.",
  );
}

/**
 * AWS documents actions without resource types as granted only by "*", yet some services
 * authorise them against a service-wide pattern (`s3:ListAllMyBuckets` on `arn:aws:s3:::*`).
 * Only a resource that can be neither is reported: another service's ARN, or one naming a
 * single resource (no `*`; `secret:db-??????` names one secret).
 */
function wildcardOnlyMayApply(service: string, resource: string): boolean {
  if (resource === "*") return true;
  const arn = parseArn(resource);
  if (!arn) return false;
  return arn.service === service && arn.resource.includes("*");
}

/**
 * An action that cannot apply to any resource listed is not granted by the statement (most
 * often: an action without resource-level permissions given a specific ARN).
 */
function checkActionsApply(ctx: ValidationContext, statement: Statement): void {
  const actions = statement.action;
  const resources = statement.resource;
  if (!actions || !resources || resources.values.length === 0) return;
  if (resources.values.some((r) => r.value === "*")) return;
  const resourceValues = resources.values.map((r) => r.value);
  actions.values.forEach((node, i) => {
    const expanded = ctx.expand(node.value);
    if (!expanded || expanded.length === 0) return;
    const applies = expanded.some((action) =>
      resourceValues.some((r) =>
        action.wildcardOnly
          ? wildcardOnlyMayApply(action.service, r)
          : ctx.catalog.actionAppliesToResource(action, r),
      ),
    );
    if (applies) return;
    const wildcardOnly = expanded.every((a) => a.wildcardOnly);
    const single = expanded.length === 1 ? expanded[0] : undefined;
    const what = single ? single.fullName : `None of the actions matched by ${q(node.value)}`;
    const details = wildcardOnly
      ? `${single ? `The action ${single.fullName} does` : `${what} do`} not support resource-level permissions: only "Resource": "*" grants ${single ? "it" : "them"}. This statement does not grant ${single ? "it" : "them"}.`
      : `${single ? `The action ${single.fullName} does` : `${what} do`} not apply to any resource in this statement, so the statement does not grant ${single ? "it" : "them"}.`;
    const expected = single ? ctx.catalog.resourceTypesForAction(single).map((t) => t.arn) : [];
    ctx.report(
      "ACTION_NOT_APPLICABLE_TO_RESOURCES",
      details,
      ctx.elementPath(statement, "Action", actions.isArray, i),
      node.span,
      wildcardOnly
        ? 'Move the action to a statement with "Resource": "*".'
        : expected.length > 0
          ? `Add a resource of the form ${expected.join(" or ")}.`
          : undefined,
    );
  });
}
