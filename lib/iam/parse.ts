/**
 * Policy documents: from text to the positioned AST of ./ast, with IAM's grammar rules and
 * IAM's MalformedPolicyDocument wording. `parsePolicy` throws the first problem;
 * `tryParsePolicy` returns every problem it finds, for the editor.
 */
import { AwsError, MalformedPolicyDocument } from "../errors";
import {
  BASE_OPERATORS,
  PRINCIPAL_TYPES,
  type BaseOperator,
  type ConditionElement,
  type ConditionEntry,
  type ConditionOperatorNode,
  type Effect,
  type ListElement,
  type ParseOptions,
  type ParseResult,
  type ParsedOperator,
  type PolicyDocument,
  type PolicyKind,
  type PolicyParseError,
  type PolicyVersion,
  type PrincipalElement,
  type PrincipalEntry,
  type PrincipalType,
  type Span,
  type Statement,
  type StatementElement,
  type StringElement,
  type StringNode,
  type ValueNode,
} from "./ast";
import {
  JsonSyntaxError,
  parseJson,
  type JsonMember,
  type JsonNode,
  type JsonObject,
} from "./json";

/** IAM's messages, word for word. */
export const PolicyMessages = {
  syntax: "Syntax errors in policy.",
  legacyParsing: "The policy failed legacy parsing",
  missingStatement: "Missing required field Statement",
  missingEffect: "Missing required field Effect",
  missingAction: "Missing required field Action",
  missingResource: "Missing required field Resource",
  missingPrincipal: "Missing required field Principal",
  principalNotAllowed: "Policy document should not specify a principal.",
  prohibitedResource: "Has prohibited field Resource",
  invalidEffect: (effect: string) => `Invalid effect: ${effect}`,
  vendorPrefix: "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.",
  oneColon: "Actions/Condition can contain only one colon.",
  resourceFormat: (resource: string) => `Resource ${resource} must be in ARN format or "*".`,
  invalidPrincipal: (type: string, value: string) =>
    `Invalid principal in policy: ${JSON.stringify(type)}:${JSON.stringify(value)}`,
  sidAlphanumeric:
    "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*",
  sidUnique: "Statement IDs (SID) in a single policy must be unique.",
} as const;

export type MalformedPolicyError = AwsError & { span: Span; errors: PolicyParseError[] };

const VERSIONS: readonly string[] = ["2012-10-17", "2008-10-17"];
const TOP_LEVEL_FIELDS = new Set(["Version", "Id", "Statement"]);
const STATEMENT_FIELDS = new Set([
  "Sid",
  "Effect",
  "Principal",
  "NotPrincipal",
  "Action",
  "NotAction",
  "Resource",
  "NotResource",
  "Condition",
]);
const OPERATORS_BY_LOWER = new Map<string, BaseOperator>(
  BASE_OPERATORS.map((op) => [op.toLowerCase(), op]),
);
const ACCOUNT_ID = /^\d{12}$/;
const SID = /^[0-9A-Za-z]*$/;

/**
 * Reads a condition operator such as `ForAllValues:StringLikeIfExists`. Operator names compare
 * case-insensitively. Returns undefined for anything IAM does not know (callers fail closed).
 */
export function parseConditionOperator(operator: string): ParsedOperator | undefined {
  let rest = operator;
  let set: ParsedOperator["set"];
  const colon = rest.indexOf(":");
  if (colon >= 0) {
    const qualifier = rest.slice(0, colon).toLowerCase();
    if (qualifier === "foranyvalue") set = "ForAnyValue";
    else if (qualifier === "forallvalues") set = "ForAllValues";
    // Unknown set qualifier: not an operator IAM knows.
    else return undefined;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  let base = OPERATORS_BY_LOWER.get(rest.toLowerCase());
  if (!base && rest.toLowerCase().endsWith("ifexists")) {
    base = OPERATORS_BY_LOWER.get(rest.slice(0, -"ifexists".length).toLowerCase());
    ifExists = true;
  }
  // Unknown operator, or Null with IfExists (IAM offers no NullIfExists).
  if (!base || (base === "Null" && ifExists)) return undefined;
  return { set, base, ifExists };
}

/** Parses a policy document; throws MalformedPolicyDocumentException (with `span`) at the first problem. */
export function parsePolicy(text: string, options: ParseOptions = {}): PolicyDocument {
  const result = tryParsePolicy(text, options);
  if (result.errors.length > 0 || !result.document) {
    throw toMalformedPolicyError(result.errors);
  }
  return result.document;
}

/**
 * The error IAM would answer with: a structural problem (syntax, unknown or duplicate field)
 * before an invalid Version, before any rule about the statements; earliest in the text first.
 */
export function toMalformedPolicyError(errors: PolicyParseError[]): MalformedPolicyError {
  const rank = (e: PolicyParseError) =>
    e.message === PolicyMessages.syntax ? 0 : e.message === PolicyMessages.legacyParsing ? 1 : 2;
  let first: PolicyParseError = errors[0] ?? { message: PolicyMessages.syntax, span: emptySpan() };
  for (const e of errors) {
    const better =
      rank(e) < rank(first) ||
      (rank(e) === rank(first) && e.span.start.offset < first.span.start.offset);
    if (better) first = e;
  }
  const error = MalformedPolicyDocument(first.message) as MalformedPolicyError;
  error.span = first.span;
  error.errors = errors;
  return error;
}

export function isMalformedPolicyError(error: unknown): error is MalformedPolicyError {
  return (
    error instanceof AwsError &&
    error.code === "MalformedPolicyDocumentException" &&
    "span" in error
  );
}

/** Parses a policy document and reports every problem found, without throwing. */
export function tryParsePolicy(text: string, options: ParseOptions = {}): ParseResult {
  let root: JsonNode;
  try {
    root = parseJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      return {
        errors: [{ message: PolicyMessages.syntax, detail: error.message, span: error.span }],
      };
    }
    throw error;
  }
  const reader = new PolicyReader(options.kind ?? "identity");
  const document = reader.readDocument(root);
  reader.errors.sort((a, b) => a.span.start.offset - b.span.start.offset);
  return { document, errors: reader.errors };
}

function emptySpan(): Span {
  const at = { line: 1, column: 0, offset: 0 };
  return { start: at, end: at };
}

class PolicyReader {
  readonly errors: PolicyParseError[] = [];

  constructor(private readonly kind: PolicyKind) {}

  private report(message: string, span: Span, detail?: string): void {
    this.errors.push(detail === undefined ? { message, span } : { message, detail, span });
  }

  /** Members of an object, reporting duplicate keys (IAM rejects a key given twice). */
  private members(node: JsonObject): Map<string, JsonMember> {
    const seen = new Map<string, JsonMember>();
    for (const member of node.members) {
      if (seen.has(member.key)) {
        this.report(PolicyMessages.syntax, member.keySpan, `Duplicate key ${member.key}`);
        continue;
      }
      seen.set(member.key, member);
    }
    return seen;
  }

  readDocument(root: JsonNode): PolicyDocument | undefined {
    if (root.kind !== "object") {
      this.report(PolicyMessages.syntax, root.span, "A policy must be a JSON object");
      return undefined;
    }
    const fields = this.members(root);
    for (const [key, member] of fields) {
      if (!TOP_LEVEL_FIELDS.has(key)) {
        this.report(PolicyMessages.syntax, member.keySpan, `Unknown field ${key}`);
      }
    }

    let version: StringElement | undefined;
    const versionMember = fields.get("Version");
    if (versionMember) {
      const value = versionMember.value;
      if (value.kind === "string" && VERSIONS.includes(value.value)) {
        version = { value: value.value, keySpan: versionMember.keySpan, span: value.span };
      } else {
        this.report(
          PolicyMessages.legacyParsing,
          value.span,
          'Version must be "2012-10-17" or "2008-10-17"',
        );
      }
    }
    const id = this.readStringElement(fields.get("Id"));

    const statementMember = fields.get("Statement");
    if (!statementMember) {
      this.report(PolicyMessages.missingStatement, root.span);
      return undefined;
    }
    const statementNode = statementMember.value;
    const statement: StatementElement = {
      keySpan: statementMember.keySpan,
      span: statementNode.span,
      isArray: statementNode.kind === "array",
    };
    const statementNodes = statementNode.kind === "array" ? statementNode.items : [statementNode];
    const statements: Statement[] = [];
    const sids = new Set<string>();
    statementNodes.forEach((node, index) => {
      const parsed = this.readStatement(node, index);
      if (!parsed) return;
      if (parsed.sid && parsed.sid.value !== "") {
        if (sids.has(parsed.sid.value)) this.report(PolicyMessages.sidUnique, parsed.sid.span);
        sids.add(parsed.sid.value);
      }
      statements.push(parsed);
    });

    return {
      span: root.span,
      version,
      effectiveVersion: (version?.value as PolicyVersion | undefined) ?? "2008-10-17",
      id,
      statement,
      statements,
    };
  }

  private readStringElement(member: JsonMember | undefined): StringElement | undefined {
    if (!member) return undefined;
    if (member.value.kind !== "string") {
      this.report(PolicyMessages.syntax, member.value.span, `${member.key} must be a string`);
      return undefined;
    }
    return { value: member.value.value, keySpan: member.keySpan, span: member.value.span };
  }

  private readStatement(node: JsonNode, index: number): Statement | undefined {
    if (node.kind !== "object") {
      this.report(PolicyMessages.syntax, node.span, "A statement must be a JSON object");
      return undefined;
    }
    const fields = this.members(node);
    for (const [key, member] of fields) {
      if (!STATEMENT_FIELDS.has(key)) {
        this.report(PolicyMessages.syntax, member.keySpan, `Unknown field ${key}`);
      }
    }

    const sid = this.readStringElement(fields.get("Sid"));
    if (sid && (this.kind === "identity" || this.kind === "boundary") && !SID.test(sid.value)) {
      this.report(PolicyMessages.sidAlphanumeric, sid.span);
    }

    let effect: Effect | undefined;
    const effectMember = fields.get("Effect");
    if (!effectMember) {
      this.report(PolicyMessages.missingEffect, node.span);
    } else if (effectMember.value.kind !== "string") {
      this.report(PolicyMessages.syntax, effectMember.value.span, "Effect must be a string");
    } else if (effectMember.value.value === "Allow" || effectMember.value.value === "Deny") {
      effect = effectMember.value.value;
    } else {
      this.report(PolicyMessages.invalidEffect(effectMember.value.value), effectMember.value.span);
    }

    const principal = this.readPrincipal(fields.get("Principal"));
    const notPrincipal = this.readPrincipal(fields.get("NotPrincipal"));
    const principalMember = fields.get("Principal") ?? fields.get("NotPrincipal");
    if (this.kind === "identity" || this.kind === "boundary") {
      if (principalMember) this.report(PolicyMessages.principalNotAllowed, principalMember.keySpan);
    } else if (!principalMember) {
      this.report(PolicyMessages.missingPrincipal, node.span);
    }
    this.reportBoth(fields, "Principal", "NotPrincipal");

    const action = this.readList(fields.get("Action"), "action");
    const notAction = this.readList(fields.get("NotAction"), "action");
    if (!fields.has("Action") && !fields.has("NotAction")) {
      this.report(PolicyMessages.missingAction, node.span);
    }
    this.reportBoth(fields, "Action", "NotAction");

    const resource = this.readList(fields.get("Resource"), "resource");
    const notResource = this.readList(fields.get("NotResource"), "resource");
    const resourceMember = fields.get("Resource") ?? fields.get("NotResource");
    if (this.kind === "trust") {
      if (resourceMember) this.report(PolicyMessages.prohibitedResource, resourceMember.keySpan);
    } else if (!resourceMember) {
      this.report(PolicyMessages.missingResource, node.span);
    }
    this.reportBoth(fields, "Resource", "NotResource");

    const condition = this.readCondition(fields.get("Condition"));

    // A statement without a valid Effect cannot be represented; its errors are reported.
    if (!effect || !effectMember) return undefined;
    return {
      index,
      span: node.span,
      sid,
      effect: { value: effect, keySpan: effectMember.keySpan, span: effectMember.value.span },
      principal,
      notPrincipal,
      action,
      notAction,
      resource,
      notResource,
      condition,
    };
  }

  private reportBoth(fields: Map<string, JsonMember>, positive: string, negative: string): void {
    const second = fields.get(negative);
    if (fields.has(positive) && second) {
      this.report(
        PolicyMessages.syntax,
        second.keySpan,
        `A statement cannot have both ${positive} and ${negative}`,
      );
    }
  }

  private readStrings(member: JsonMember): { isArray: boolean; values: StringNode[] } | undefined {
    const node = member.value;
    const items = node.kind === "array" ? node.items : [node];
    const values: StringNode[] = [];
    for (const item of items) {
      if (item.kind !== "string") {
        this.report(PolicyMessages.syntax, item.span, `${member.key} values must be strings`);
        return undefined;
      }
      values.push({ value: item.value, span: item.span });
    }
    return { isArray: node.kind === "array", values };
  }

  private readList(
    member: JsonMember | undefined,
    kind: "action" | "resource",
  ): ListElement | undefined {
    if (!member) return undefined;
    const list = this.readStrings(member);
    if (!list) return undefined;
    if (list.values.length === 0) {
      this.report(
        kind === "action" ? PolicyMessages.missingAction : PolicyMessages.missingResource,
        member.value.span,
        `${member.key} must not be empty`,
      );
    }
    for (const value of list.values) {
      if (kind === "action") this.checkAction(value);
      else this.checkResource(value);
    }
    return { keySpan: member.keySpan, span: member.value.span, ...list };
  }

  private checkAction(action: StringNode): void {
    if (action.value === "*") return;
    const colon = action.value.indexOf(":");
    if (colon <= 0) this.report(PolicyMessages.vendorPrefix, action.span);
    else if (action.value.indexOf(":", colon + 1) >= 0)
      this.report(PolicyMessages.oneColon, action.span);
  }

  private checkResource(resource: StringNode): void {
    const value = resource.value;
    if (value === "*") return;
    let colons = 0;
    for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) === 0x3a) colons++;
    if (!value.startsWith("arn:") || colons < 5) {
      this.report(PolicyMessages.resourceFormat(value), resource.span);
    }
  }

  private readPrincipal(member: JsonMember | undefined): PrincipalElement | undefined {
    if (!member) return undefined;
    const node = member.value;
    if (node.kind === "string") {
      if (node.value !== "*") {
        this.report(PolicyMessages.invalidPrincipal(member.key, node.value), node.span);
        return undefined;
      }
      return {
        keySpan: member.keySpan,
        span: node.span,
        wildcard: { value: "*", span: node.span },
        entries: [],
      };
    }
    if (node.kind !== "object") {
      this.report(PolicyMessages.syntax, node.span, `${member.key} must be "*" or an object`);
      return undefined;
    }
    const entries: PrincipalEntry[] = [];
    for (const [key, entry] of this.members(node)) {
      if (!PRINCIPAL_TYPES.includes(key as PrincipalType)) {
        this.report(PolicyMessages.syntax, entry.keySpan, `Unknown principal type ${key}`);
        continue;
      }
      const list = this.readStrings(entry);
      if (!list) continue;
      for (const value of list.values) {
        if (key === "AWS" && !isAwsPrincipal(value.value)) {
          this.report(PolicyMessages.invalidPrincipal(key, value.value), value.span);
        } else if (value.value === "") {
          this.report(PolicyMessages.invalidPrincipal(key, value.value), value.span);
        }
      }
      entries.push({
        type: key as PrincipalType,
        keySpan: entry.keySpan,
        span: entry.value.span,
        ...list,
      });
    }
    return { keySpan: member.keySpan, span: node.span, entries };
  }

  private readCondition(member: JsonMember | undefined): ConditionElement | undefined {
    if (!member) return undefined;
    const node = member.value;
    if (node.kind !== "object") {
      this.report(PolicyMessages.syntax, node.span, "Condition must be an object");
      return undefined;
    }
    const operators: ConditionOperatorNode[] = [];
    for (const [operator, opMember] of this.members(node)) {
      const parsed = parseConditionOperator(operator);
      if (!parsed) {
        this.report(
          PolicyMessages.syntax,
          opMember.keySpan,
          `Unknown condition operator ${operator}`,
        );
      }
      if (opMember.value.kind !== "object") {
        this.report(PolicyMessages.syntax, opMember.value.span, `${operator} must be an object`);
        continue;
      }
      const entries: ConditionEntry[] = [];
      for (const [key, entry] of this.members(opMember.value)) {
        if (key.indexOf(":") <= 0) this.report(PolicyMessages.vendorPrefix, entry.keySpan);
        const values = this.readConditionValues(entry);
        if (!values) continue;
        entries.push({ key, keySpan: entry.keySpan, span: entry.value.span, ...values });
      }
      operators.push({
        operator,
        parsed,
        keySpan: opMember.keySpan,
        span: opMember.value.span,
        entries,
      });
    }
    return { keySpan: member.keySpan, span: node.span, operators };
  }

  private readConditionValues(
    member: JsonMember,
  ): { isArray: boolean; values: ValueNode[] } | undefined {
    const node = member.value;
    const items = node.kind === "array" ? node.items : [node];
    const values: ValueNode[] = [];
    for (const item of items) {
      if (item.kind === "string")
        values.push({ value: item.value, type: "string", span: item.span });
      else if (item.kind === "number")
        values.push({ value: item.raw, type: "number", span: item.span });
      else if (item.kind === "boolean")
        values.push({ value: String(item.value), type: "boolean", span: item.span });
      else {
        this.report(
          PolicyMessages.syntax,
          item.span,
          "Condition values must be strings, numbers or booleans",
        );
        return undefined;
      }
    }
    return { isArray: node.kind === "array", values };
  }
}

function isAwsPrincipal(value: string): boolean {
  return value === "*" || ACCOUNT_ID.test(value) || value.startsWith("arn:");
}
