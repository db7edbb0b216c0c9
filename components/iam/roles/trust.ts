// Trust policies as the roles pages show and build them. Pure: used on both sides.

/** "AWS Service: lambda", "Account: 123456789012", ... from a role's trust policy. */
export function trustedEntities(document: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(
      document.trimStart().startsWith("{") ? document : decodeURIComponent(document),
    );
  } catch {
    return [];
  }
  const statements = (parsed as { Statement?: unknown }).Statement;
  const list = Array.isArray(statements) ? statements : statements ? [statements] : [];
  const out = new Set<string>();
  for (const s of list as { Effect?: string; Principal?: unknown }[]) {
    if (s?.Effect !== "Allow") continue;
    const principal = s.Principal;
    if (principal === "*") {
      out.add("Anyone");
      continue;
    }
    if (!principal || typeof principal !== "object") continue;
    for (const [type, raw] of Object.entries(principal as Record<string, unknown>)) {
      const values = (Array.isArray(raw) ? raw : [raw]).map(String);
      for (const value of values) {
        if (type === "Service") out.add(`AWS Service: ${value.replace(/\.amazonaws\.com$/, "")}`);
        else if (type === "AWS") {
          const account =
            /^arn:aws:iam::(\d{12}):root$/.exec(value)?.[1] ??
            (/^\d{12}$/.test(value) ? value : undefined);
          out.add(account ? `Account: ${account}` : value === "*" ? "Anyone" : value);
        } else if (type === "Federated") out.add(`Identity Provider: ${value}`);
        else out.add(`${type}: ${value}`);
      }
    }
  }
  return [...out];
}

export type TrustedEntityType = "service" | "account" | "custom";

export const SERVICES = [
  {
    value: "lambda.amazonaws.com",
    label: "Lambda",
    description: "Rotation functions and other Lambda functions",
  },
  {
    value: "secretsmanager.amazonaws.com",
    label: "Secrets Manager",
    description: "Secrets Manager acting on your behalf",
  },
  { value: "ec2.amazonaws.com", label: "EC2", description: "Applications on EC2 instances" },
  {
    value: "ecs-tasks.amazonaws.com",
    label: "Elastic Container Service tasks",
    description: "Containers in ECS tasks",
  },
] as const;

export function trustPolicyFor(type: Exclude<TrustedEntityType, "custom">, value: string): string {
  const principal = type === "service" ? { Service: value } : { AWS: `arn:aws:iam::${value}:root` };
  return JSON.stringify(
    {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" }],
    },
    null,
    2,
  );
}
