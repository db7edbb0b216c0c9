// The rotation-function templates: what each one rotates, the name AWS's Serverless Application
// Repository would give its role policies, and what a secret must hold before rotation is turned
// on for it (so a missing key is reported when rotation is configured, never at 3 a.m.). Pure.
import { InvalidParameter } from "../../errors";

export const TEMPLATE_IDS = [
  "postgres-single-user",
  "postgres-alternating-users",
  "mysql-single-user",
  "mysql-alternating-users",
  "generic",
  "http",
] as const;

export type TemplateId = (typeof TEMPLATE_IDS)[number];

export interface TemplateInfo {
  id: TemplateId;
  /** The template's name in its role policies: SecretsManager<PolicyName>0 and ...1. */
  policyName: string;
  description: string;
  /** The database engine family, for the database templates. */
  engine?: "postgres" | "mysql";
  strategy?: "single-user" | "alternating-users";
}

export const TEMPLATES: Record<TemplateId, TemplateInfo> = {
  "postgres-single-user": {
    id: "postgres-single-user",
    policyName: "PostgreSQLRotationSingleUser",
    description: "Rotates a PostgreSQL user's own password (single user).",
    engine: "postgres",
    strategy: "single-user",
  },
  "postgres-alternating-users": {
    id: "postgres-alternating-users",
    policyName: "PostgreSQLRotationMultiUser",
    description:
      "Alternates between a PostgreSQL user and its clone, created and updated with the master secret's credentials.",
    engine: "postgres",
    strategy: "alternating-users",
  },
  "mysql-single-user": {
    id: "mysql-single-user",
    policyName: "MySQLRotationSingleUser",
    description: "Rotates a MySQL or MariaDB user's own password (single user).",
    engine: "mysql",
    strategy: "single-user",
  },
  "mysql-alternating-users": {
    id: "mysql-alternating-users",
    policyName: "MySQLRotationMultiUser",
    description:
      "Alternates between a MySQL or MariaDB user and its clone, created and updated with the master secret's credentials.",
    engine: "mysql",
    strategy: "alternating-users",
  },
  generic: {
    id: "generic",
    policyName: "GenericPasswordRotation",
    description: "Puts a new random password in the secret; touches no external system.",
  },
  http: {
    id: "http",
    policyName: "HttpEndpointRotation",
    description:
      "Sends the four rotation steps as signed POST requests to an endpoint of your own.",
  },
};

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === "string" && (TEMPLATE_IDS as readonly string[]).includes(value);
}

const ENGINES: Record<"postgres" | "mysql", string[]> = {
  postgres: ["postgres", "postgresql", "aurora-postgresql"],
  mysql: ["mysql", "mariadb", "aurora-mysql", "aurora"],
};

/** The credentials a database template reads from a secret's JSON. */
export interface DatabaseSecret {
  engine: string;
  host: string;
  port?: number;
  username: string;
  password: string;
  dbname?: string;
  masterarn?: string;
  [key: string]: unknown;
}

/** Parses and checks a database secret's JSON; `what` names it in the messages. */
export function databaseSecret(
  template: TemplateInfo,
  text: string | undefined,
  what = "The secret",
): DatabaseSecret {
  let value: unknown;
  try {
    value = text === undefined ? undefined : JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw InvalidParameter(
      `${what} must be a JSON object with engine, host, username and password for the ${template.id} rotation function.`,
    );
  }
  const secret = value as Record<string, unknown>;
  const missing = ["engine", "host", "username", "password"].filter(
    (key) => typeof secret[key] !== "string" || secret[key] === "",
  );
  if (missing.length > 0) {
    throw InvalidParameter(
      `${what} is missing ${missing.join(", ")}: the ${template.id} rotation function needs engine, host, username and password in its JSON.`,
    );
  }
  const engine = String(secret.engine).toLowerCase();
  if (template.engine && !ENGINES[template.engine].includes(engine)) {
    throw InvalidParameter(
      `${what} has engine ${String(secret.engine)}, but the ${template.id} rotation function rotates ${ENGINES[template.engine].join(" or ")}.`,
    );
  }
  if (secret.port !== undefined && !Number.isInteger(Number(secret.port))) {
    throw InvalidParameter(`${what} has a port that is not a number.`);
  }
  if (template.strategy === "alternating-users" && what === "The secret") {
    if (typeof secret.masterarn !== "string" || !secret.masterarn.startsWith("arn:")) {
      throw InvalidParameter(
        `${what} must name its master secret in a masterarn key (the master secret's ARN): the ${template.id} rotation function signs in with the master secret's credentials to change the users.`,
      );
    }
  }
  return {
    ...secret,
    port: secret.port === undefined ? undefined : Number(secret.port),
  } as DatabaseSecret;
}
