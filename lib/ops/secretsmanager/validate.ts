// Input checks in AWS's words. Shape constraints (type, length, pattern) answer as the AWS front
// end does, with ValidationException; semantic rules use the service's own exceptions.
import { InvalidParameter, ValidationError } from "../../errors";

function constraint(field: string, value: unknown, rule: string) {
  const shown = typeof value === "string" ? value : JSON.stringify(value);
  return ValidationError(
    `1 validation error detected: Value '${shown}' at '${field}' failed to satisfy constraint: ${rule}`,
    field,
  );
}

const lower = (field: string) => field.charAt(0).toLowerCase() + field.slice(1);

export interface StringRule {
  min?: number;
  max?: number;
  pattern?: RegExp;
}

export function optionalString(
  input: Record<string, unknown>,
  field: string,
  rule: StringRule = {},
): string | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    throw InvalidParameter(`Invalid type for parameter ${field}, value: ${String(value)}`, field);
  }
  const name = lower(field);
  if (rule.min !== undefined && value.length < rule.min) {
    throw constraint(name, value, `Member must have length greater than or equal to ${rule.min}`);
  }
  if (rule.max !== undefined && value.length > rule.max) {
    throw constraint(name, value, `Member must have length less than or equal to ${rule.max}`);
  }
  if (rule.pattern && !rule.pattern.test(value)) {
    throw constraint(
      name,
      value,
      `Member must satisfy regular expression pattern: ${rule.pattern.source}`,
    );
  }
  return value;
}

export function requiredString(
  input: Record<string, unknown>,
  field: string,
  rule: StringRule = {},
): string {
  const value = optionalString(input, field, rule);
  if (value === undefined) {
    throw ValidationError(
      `1 validation error detected: Value null at '${lower(field)}' failed to satisfy constraint: Member must not be null`,
      field,
    );
  }
  return value;
}

export function optionalBoolean(
  input: Record<string, unknown>,
  field: string,
): boolean | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") {
    throw InvalidParameter(`Invalid type for parameter ${field}, value: ${String(value)}`, field);
  }
  return value;
}

export function optionalInteger(
  input: Record<string, unknown>,
  field: string,
  range: { min?: number; max?: number } = {},
): number | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw InvalidParameter(`Invalid type for parameter ${field}, value: ${String(value)}`, field);
  }
  const name = lower(field);
  if (range.min !== undefined && value < range.min) {
    throw constraint(name, value, `Member must have value greater than or equal to ${range.min}`);
  }
  if (range.max !== undefined && value > range.max) {
    throw constraint(name, value, `Member must have value less than or equal to ${range.max}`);
  }
  return value;
}

export function optionalStringList(
  input: Record<string, unknown>,
  field: string,
  item: StringRule = {},
  size: { min?: number; max?: number } = {},
): string[] | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    throw InvalidParameter(`Invalid type for parameter ${field}, value: ${String(value)}`, field);
  }
  const name = lower(field);
  if (size.min !== undefined && value.length < size.min) {
    throw constraint(name, value, `Member must have length greater than or equal to ${size.min}`);
  }
  if (size.max !== undefined && value.length > size.max) {
    throw constraint(name, value, `Member must have length less than or equal to ${size.max}`);
  }
  return value.map((_, i) =>
    requiredString(value as unknown as Record<string, unknown>, String(i), item),
  );
}

/** Secret names: 1-512 of letters, digits and /_+=.@- (AWS's rule). */
export const SECRET_NAME = { min: 1, max: 512, pattern: /^[a-zA-Z0-9/_+=.@-]+$/ };
/** SecretId: a name or an ARN, up to 2048 characters. */
export const SECRET_ID = { min: 1, max: 2048 };
export const CLIENT_REQUEST_TOKEN = { min: 32, max: 64 };
export const DESCRIPTION = { max: 2048 };
export const KMS_KEY_ID = { max: 2048 };
export const VERSION_ID = { min: 32, max: 64 };
export const VERSION_STAGE = { min: 1, max: 256 };
export const MAX_SECRET_BYTES = 65_536;

/** AWS's advice for names ending in a hyphen and six characters (they read as an ARN suffix). */
export function nameWarning(name: string): string | undefined {
  if (/-[a-zA-Z0-9]{6}$/.test(name)) {
    return "Do not end your secret name with a hyphen followed by six characters. If you do so, you risk confusion and unexpected results when searching for a secret by partial ARN. Secrets Manager automatically adds a hyphen and six random characters after the secret name in the ARN.";
  }
  return undefined;
}
