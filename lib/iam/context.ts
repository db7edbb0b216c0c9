/**
 * The request as the engine sees it: who asks (principal), for what (action, resource) and the
 * request context keys. Context key names compare case-insensitively; values keep their case.
 */
import { parseArn, splitArn, type ArnParts, type ArnValue } from "./arn";
import { lookupOf } from "./memo";

/** aws:PrincipalType values, as AWS spells them; "Service" for a service principal. */
export type PrincipalKind =
  "Account" | "User" | "AssumedRole" | "FederatedUser" | "Anonymous" | "Service";

export interface RequestPrincipal {
  /**
   * The caller's ARN: `arn:aws:iam::ACCOUNT:root`, `arn:aws:iam::ACCOUNT:user/NAME`,
   * `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`, `arn:aws:sts::ACCOUNT:federated-user/NAME`;
   * for a service principal, its name (`lambda.amazonaws.com`).
   */
  arn: string;
  /** Derived from `arn` when not given. */
  type?: PrincipalKind;
  /** Derived from `arn` when not given. */
  accountId?: string;
  /** Unique id (AIDA..., AROA...:session); the account id for the root user. */
  userId?: string;
  /** Friendly name of an IAM user; derived from a user ARN when not given. */
  username?: string;
  /** For an assumed-role session: the role's ARN (with its path); derived without path when not given. */
  roleArn?: string;
  tags?: Record<string, string>;
}

export type ContextKeyType =
  | "String"
  | "StringList"
  | "Numeric"
  | "NumericList"
  | "Boolean"
  | "BooleanList"
  | "Date"
  | "DateList"
  | "IpAddress"
  | "IpAddressList"
  | "Binary"
  | "BinaryList"
  | "ARN"
  | "ARNList";

export type ContextScalar = string | number | boolean | Date | Uint8Array;

/** A plain value (arrays are multivalued), or a value with its type as SimulateCustomPolicy takes it. */
export type ContextValue =
  | ContextScalar
  | readonly ContextScalar[]
  | { type: ContextKeyType | string; value: ContextScalar | readonly ContextScalar[] };

export interface AuthorizationRequest {
  principal: RequestPrincipal;
  /** `service:Action`, e.g. `secretsmanager:GetSecretValue`. */
  action: string;
  /** The resource ARN, or `*` for actions without a resource. */
  resource: string;
  /** The account that owns the resource; derived from the resource ARN, else the principal's account. */
  resourceAccount?: string;
  context?: Record<string, ContextValue>;
}

/** A context key after normalisation: values as strings. */
export interface ContextEntry {
  /** The key as the caller spelled it. */
  key: string;
  values: readonly string[];
  multi: boolean;
  /** A value or type the engine cannot read: every condition on this key fails closed. */
  invalid: boolean;
  /** The values as last read by an operator family (kept for the evaluation's other statements). */
  readBy?: unknown;
  read?: readonly unknown[];
}

const TYPES = new Map<string, { multi: boolean }>([
  ["string", { multi: false }],
  ["stringlist", { multi: true }],
  ["numeric", { multi: false }],
  ["numericlist", { multi: true }],
  ["boolean", { multi: false }],
  ["booleanlist", { multi: true }],
  ["date", { multi: false }],
  ["datelist", { multi: true }],
  ["ip", { multi: false }],
  ["ipaddress", { multi: false }],
  ["iplist", { multi: true }],
  ["ipaddresslist", { multi: true }],
  ["binary", { multi: false }],
  ["binarylist", { multi: true }],
  ["arn", { multi: false }],
  ["arnlist", { multi: true }],
]);

function scalarToString(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (value instanceof Uint8Array) return bytesToBase64(value);
  return undefined;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
  return btoa(binary);
}

export function normalizeContextValue(key: string, input: ContextValue): ContextEntry {
  // The common case, one plain string, number or boolean: no list to walk.
  if (typeof input === "string" || typeof input === "number" || typeof input === "boolean") {
    const text = scalarToString(input);
    return text === undefined
      ? { key, values: [], multi: false, invalid: true, readBy: undefined, read: undefined }
      : { key, values: [text], multi: false, invalid: false, readBy: undefined, read: undefined };
  }
  let raw: unknown = input;
  let multi: boolean | undefined;
  let invalid = false;
  if (
    typeof input === "object" &&
    input !== null &&
    !Array.isArray(input) &&
    !(input instanceof Date) &&
    !(input instanceof Uint8Array)
  ) {
    const typed = input as { type: string; value: unknown };
    const type = TYPES.get(String(typed.type).toLowerCase());
    // An unknown key type: conditions on this key fail closed.
    if (!type) invalid = true;
    multi = type?.multi;
    raw = typed.value;
  }
  const items = Array.isArray(raw) ? raw : [raw];
  if (multi === undefined) multi = Array.isArray(raw);
  // A single-valued type given several values: fail closed.
  if (!multi && items.length !== 1) invalid = true;
  const values: string[] = [];
  for (const item of items) {
    const text = scalarToString(item);
    // A value of no known kind: fail closed.
    if (text === undefined) invalid = true;
    else values.push(text);
  }
  return { key, values, multi, invalid, readBy: undefined, read: undefined };
}

interface PrincipalInfo {
  kind: PrincipalKind;
  account: string | undefined;
  /** The role ARN (no path) of an assumed-role session. */
  roleArn: string | undefined;
  /** The text after the ARN's last slash: an IAM user's name. */
  userName: string | undefined;
}

interface ActionInfo {
  lower: string;
  service: string;
}

const MEMO_LIMIT = 10_000;
const principals = new Map<string, PrincipalInfo>();
const actions = new Map<string, ActionInfo>();

function memo<V>(map: Map<string, V>, key: string, make: (key: string) => V): V {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size >= MEMO_LIMIT) map.clear();
    value = make(key);
    map.set(key, value);
  }
  return value;
}

function principalInfo(arn: string): PrincipalInfo {
  const parsed = parseArn(arn);
  const kind = principalKindOf(arn, parsed?.resource);
  return {
    kind,
    account: parsed?.account || undefined,
    roleArn: kind === "AssumedRole" && parsed ? roleArnOfSession(parsed) : undefined,
    userName: userNameOf(arn),
  };
}

function actionInfo(action: string): ActionInfo {
  const lower = action.toLowerCase();
  const colon = lower.indexOf(":");
  return { lower, service: colon < 0 ? lower : lower.slice(0, colon) };
}

/** The request, prepared once for evaluation: lower-cased action, ARN offsets, context keys. */
export class EvaluationContext {
  readonly request: AuthorizationRequest;
  readonly action: string;
  readonly service: string;
  readonly resource: string;
  readonly principalKind: PrincipalKind;
  readonly principalAccount: string | undefined;
  /** The role ARN (no path) of an assumed-role session. */
  readonly roleArn: string | undefined;
  private readonly principalInfo: PrincipalInfo;
  private arn: ArnValue | null | undefined;
  private colons = -1;
  /** The request context's key names, and the same lower-cased, read once. */
  private names: string[] | undefined;
  private lowered: readonly string[] | undefined;
  /**
   * Each key looked up (lower case) and its entry, normalised on first use. A request reads a
   * handful of keys: a short list scanned with === is cheaper than a Map made per request.
   */
  private readonly lookups: string[] = [];
  private readonly entries: (ContextEntry | undefined)[] = [];

  constructor(request: AuthorizationRequest) {
    this.request = request;
    const action = memo(actions, request.action, actionInfo);
    this.action = action.lower;
    this.service = action.service;
    this.resource = request.resource;
    const principal = request.principal;
    const info = memo(principals, principal.arn, principalInfo);
    this.principalInfo = info;
    this.principalKind = principal.type ?? info.kind;
    this.principalAccount = principal.accountId ?? info.account;
    this.roleArn =
      this.principalKind === "AssumedRole" ? (info.roleArn ?? principal.roleArn) : undefined;
  }

  /** The resource ARN split for matching; undefined when the resource is not an ARN. */
  get resourceArn(): ArnValue | undefined {
    if (this.arn === undefined) this.arn = splitArn(this.resource) ?? null;
    return this.arn ?? undefined;
  }

  /** The number of colons in the resource (for ./span.ts), counted on first use. */
  get resourceColons(): number {
    if (this.colons < 0) {
      let n = 0;
      const r = this.resource;
      for (let i = 0; i < r.length; i++) if (r.charCodeAt(i) === 0x3a) n++;
      this.colons = n;
    }
    return this.colons;
  }

  /** The resource's account: given, else from its ARN, else the principal's. */
  get resourceAccount(): string | undefined {
    if (this.request.resourceAccount) return this.request.resourceAccount;
    return this.resourceArn?.head[4] || this.principalAccount;
  }

  get crossAccount(): boolean {
    const resourceAccount = this.resourceAccount;
    return (
      this.principalAccount !== undefined &&
      resourceAccount !== undefined &&
      this.principalAccount !== resourceAccount
    );
  }

  /** The context key (case-insensitive `lookup`, already lower-cased), explicit or derived. */
  get(lookup: string): ContextEntry | undefined {
    const lookups = this.lookups;
    for (let i = 0; i < lookups.length; i++) {
      if (lookups[i] === lookup) return this.entries[i];
    }
    const entry = this.resolve(lookup);
    lookups.push(lookup);
    this.entries.push(entry);
    return entry;
  }

  /** The value of a single-valued key, for policy variables. */
  variable(lookup: string): string | undefined {
    const entry = this.get(lookup);
    // A multivalued or unreadable key cannot stand in for a variable.
    if (!entry || entry.multi || entry.invalid) return undefined;
    return entry.values[0];
  }

  private resolve(lookup: string): ContextEntry | undefined {
    const context = this.request.context;
    if (context) {
      const names = (this.names ??= Object.keys(context));
      const lowered = (this.lowered ??= lowerCaseNames(names));
      // The last name that lower-cases to the lookup (as a map built in key order would keep).
      for (let i = lowered.length - 1; i >= 0; i--) {
        if (lowered[i] === lookup) return normalizeContextValue(names[i], context[names[i]]);
      }
    }
    const value = this.derived(lookup);
    return value === undefined
      ? undefined
      : {
          key: lookup,
          values: [value],
          multi: false,
          invalid: false,
          readBy: undefined,
          read: undefined,
        };
  }

  /** Keys the engine derives from the principal and resource when the request does not give them. */
  private derived(lookup: string): string | undefined {
    const principal = this.request.principal;
    const kind = this.principalKind;
    const signed = kind !== "Service" && kind !== "Anonymous";
    switch (lookup) {
      case "aws:principalarn":
        if (!signed) return undefined;
        return kind === "AssumedRole" ? (principal.roleArn ?? this.roleArn) : principal.arn;
      case "aws:principalaccount":
        return signed ? this.principalAccount : undefined;
      case "aws:principaltype":
        return kind;
      case "aws:userid":
        if (principal.userId !== undefined) return principal.userId;
        if (kind === "Account") return this.principalAccount;
        // AWS: a federated user's id is `account:caller-specified-name`.
        if (kind === "FederatedUser" && this.principalAccount && this.principalInfo.userName) {
          return `${this.principalAccount}:${this.principalInfo.userName}`;
        }
        return undefined;
      case "aws:username":
        return principal.username ?? (kind === "User" ? this.principalInfo.userName : undefined);
      case "aws:principalservicename":
        return kind === "Service" ? principal.arn : undefined;
      case "aws:resourceaccount":
        return this.resourceAccount;
    }
    if (principal.tags) {
      const tag = principalTagOf(lookup);
      if (tag === undefined) return undefined;
      for (const name of Object.keys(principal.tags)) {
        if (lookupOf(name) === tag) return principal.tags[name];
      }
    }
    return undefined;
  }
}

const PRINCIPAL_TAG = "aws:principaltag/";

/** The tag a `aws:principaltag/…` lookup names (lower case), by lookup. */
const principalTags = new Map<string, string | null>();

function principalTagOf(lookup: string): string | undefined {
  let tag = principalTags.get(lookup);
  if (tag === undefined) {
    tag = lookup.startsWith(PRINCIPAL_TAG) ? lookupOf(lookup.slice(PRINCIPAL_TAG.length)) : null;
    if (principalTags.size >= MEMO_LIMIT) principalTags.clear();
    principalTags.set(lookup, tag);
  }
  return tag ?? undefined;
}

/**
 * The last request's key names and their lower case. Requests of one kind carry the same names
 * (the same strings, compared by identity first), so this is usually a few compares.
 */
let lastNames: readonly string[] = [];
let lastLowered: readonly string[] = [];

function lowerCaseNames(names: readonly string[]): readonly string[] {
  if (names.length === lastNames.length) {
    let same = true;
    for (let i = 0; i < names.length && same; i++) same = names[i] === lastNames[i];
    if (same) return lastLowered;
  }
  const lowered = new Array<string>(names.length);
  for (let i = 0; i < names.length; i++) lowered[i] = lookupOf(names[i]);
  lastNames = names;
  lastLowered = lowered;
  return lowered;
}

function principalKindOf(arn: string, resource: string | undefined): PrincipalKind {
  if (resource === undefined) return arn === "*" ? "Anonymous" : "Service";
  if (resource === "root") return "Account";
  if (resource.startsWith("user/")) return "User";
  if (resource.startsWith("assumed-role/")) return "AssumedRole";
  if (resource.startsWith("federated-user/")) return "FederatedUser";
  // An ARN of no kind IAM signs requests with: treat it as an anonymous caller (fewest rights).
  return "Anonymous";
}

function userNameOf(arn: string): string | undefined {
  const slash = arn.lastIndexOf("/");
  return slash < 0 ? undefined : arn.slice(slash + 1);
}

/** `arn:aws:sts::111122223333:assumed-role/ROLE/SESSION` → `arn:aws:iam::111122223333:role/ROLE`. */
function roleArnOfSession(parsed: ArnParts): string | undefined {
  const [, role] = parsed.resource.split("/");
  return role ? `arn:${parsed.partition}:iam::${parsed.account}:role/${role}` : undefined;
}
