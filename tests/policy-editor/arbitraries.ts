// Random policies for the editor's property tests: valid ones (every element in each of the
// forms IAM accepts, members in any order) and ones with parts the visual editor cannot show.
import fc from "fast-check";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const ACTIONS = [
  "secretsmanager:GetSecretValue",
  "secretsmanager:getsecretvalue",
  "secretsmanager:Get*",
  "secretsmanager:*",
  "secretsmanager:DescribeSecret",
  "secretsmanager:List*",
  "secretsmanager:PutSecretValue",
  "iam:PassRole",
  "iam:Get*",
  "s3:GetObject",
  "*",
  "sts:AssumeRole",
  "kms:Decrypt",
];

export const RESOURCES = [
  "*",
  "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-a1b2c3",
  "arn:aws:secretsmanager:*:111122223333:secret:prod/*",
  "arn:aws:secretsmanager:us-east-1:111122223333:secret:MyDatabaseMasterSecret-??????",
  "arn:aws:secretsmanager:*:*:secret:*",
  "arn:aws:iam::111122223333:role/rotation-*",
  "arn:aws:s3:::bucket/${aws:username}/*",
];

const word = fc.stringMatching(/^[A-Za-z0-9]{1,8}$/);

/** Condition operators with keys and values that suit them. */
const conditionEntry: fc.Arbitrary<[string, string, Json]> = fc.oneof(
  fc.tuple(
    fc.constantFrom(
      "StringEquals",
      "StringNotEquals",
      "StringLike",
      "ForAnyValue:StringEquals",
      "StringEqualsIfExists",
    ),
    fc.constantFrom(
      "aws:PrincipalTag/team",
      "secretsmanager:VersionStage",
      "aws:ResourceTag/env",
      "aws:username",
    ),
    fc.oneof(
      fc.constantFrom<Json>("payments", "AWSCURRENT", "prod*", "${aws:username}"),
      fc.array(fc.constantFrom<Json>("payments", "AWSCURRENT", "dev", "a*"), {
        minLength: 1,
        maxLength: 3,
      }),
    ),
  ),
  fc.tuple(
    fc.constantFrom("IpAddress", "NotIpAddress"),
    fc.constant("aws:SourceIp"),
    fc.oneof(
      fc.constantFrom<Json>("10.0.0.0/8", "203.0.113.7"),
      fc.constant<Json>(["10.0.0.0/8", "192.168.0.0/16"]),
    ),
  ),
  fc.tuple(
    fc.constantFrom("Bool", "BoolIfExists"),
    fc.constant("aws:SecureTransport"),
    fc.constantFrom<Json>(true, false, "true", "false", ["true"]),
  ),
  fc.tuple(
    fc.constantFrom("NumericLessThan", "NumericGreaterThanEquals"),
    fc.constant("aws:MultiFactorAuthAge"),
    fc.constantFrom<Json>(3600, "3600", 1e3, 0.5),
  ),
  fc.tuple(
    fc.constant("Null"),
    fc.constantFrom("aws:PrincipalTag/team", "aws:SourceIp"),
    fc.constantFrom<Json>(true, "false"),
  ),
  fc.tuple(
    fc.constantFrom("ArnLike", "ArnEquals"),
    fc.constantFrom("aws:PrincipalArn", "aws:SourceArn"),
    fc.constantFrom<Json>("arn:aws:iam::111122223333:role/*", [
      "arn:aws:iam::111122223333:user/alice",
    ]),
  ),
  fc.tuple(
    fc.constantFrom("DateLessThan", "DateGreaterThan"),
    fc.constant("aws:CurrentTime"),
    fc.constantFrom<Json>("2020-01-01T00:00:00Z", "2999-01-01T00:00:00Z"),
  ),
);

const condition: fc.Arbitrary<Json> = fc
  .array(conditionEntry, { minLength: 0, maxLength: 4 })
  .map((entries) => {
    const out: Record<string, Record<string, Json>> = {};
    for (const [op, key, value] of entries) {
      out[op] ??= {};
      out[op][key] = value;
    }
    return out;
  });

const stringOrList = (values: fc.Arbitrary<string>) =>
  fc.oneof(
    values.map((v): Json => v),
    fc.array(values, { minLength: 1, maxLength: 4 }),
  );

const principal: fc.Arbitrary<Json> = fc.oneof(
  fc.constant<Json>("*"),
  fc
    .record(
      {
        AWS: stringOrList(
          fc.constantFrom(
            "111122223333",
            "arn:aws:iam::111122223333:root",
            "arn:aws:iam::111122223333:user/alice",
            "*",
          ),
        ),
        Service: stringOrList(
          fc.constantFrom("lambda.amazonaws.com", "secretsmanager.amazonaws.com"),
        ),
      },
      { requiredKeys: [] },
    )
    .filter((r) => Object.keys(r).length > 0)
    .map((r) => r as Json),
);

/** Puts an object's members in a random order. */
function shuffled(obj: Record<string, Json>): fc.Arbitrary<Record<string, Json>> {
  const keys = Object.keys(obj);
  return fc
    .shuffledSubarray(keys, { minLength: keys.length, maxLength: keys.length })
    .map((order) => {
      const out: Record<string, Json> = {};
      for (const k of order) out[k] = obj[k];
      return out;
    });
}

export interface PolicyOptions {
  kind: "identity" | "resource";
  /** Add parts the visual editor cannot show (unknown fields, an unreadable Effect ...). */
  unknown?: boolean;
}

const statement = (options: PolicyOptions) =>
  fc
    .record(
      {
        sid: fc.option(word, { nil: undefined }),
        effect: fc.constantFrom("Allow", "Deny"),
        notAction: fc.boolean(),
        actions: stringOrList(fc.constantFrom(...ACTIONS)),
        notResource: fc.boolean(),
        resources: stringOrList(fc.constantFrom(...RESOURCES)),
        condition: fc.option(condition, { nil: undefined, freq: 2 }),
        principal:
          options.kind === "resource"
            ? principal.map((p) => p as Json | undefined)
            : fc.constant(undefined),
        notPrincipal: fc.boolean(),
        extra: options.unknown
          ? fc.option(
              fc.tuple(
                fc.constantFrom("Comment", "Effect2", "Foo"),
                fc.jsonValue().map((v) => v as Json),
              ),
              {
                nil: undefined,
              },
            )
          : fc.constant(undefined),
      },
      {
        requiredKeys: [
          "sid",
          "effect",
          "notAction",
          "actions",
          "notResource",
          "resources",
          "condition",
          "principal",
          "notPrincipal",
          "extra",
        ],
      },
    )
    .chain((s) => {
      const out: Record<string, Json> = {};
      if (s.sid !== undefined) out.Sid = s.sid;
      out.Effect = s.effect;
      if (s.principal !== undefined) {
        // NotPrincipal only with Deny (Allow with NotPrincipal is a security warning, still valid).
        out[s.notPrincipal && s.effect === "Deny" ? "NotPrincipal" : "Principal"] = s.principal;
      }
      out[s.notAction ? "NotAction" : "Action"] = s.actions;
      out[s.notResource ? "NotResource" : "Resource"] = s.resources;
      if (s.condition !== undefined) out.Condition = s.condition;
      if (s.extra) out[s.extra[0]] = s.extra[1];
      return shuffled(out);
    });

const invalidStatement: fc.Arbitrary<Json> = fc.oneof(
  fc.constant<Json>({ Effect: "allow", Action: "s3:GetObject", Resource: "*" }),
  fc.constant<Json>({ Effect: "Allow", Action: 5, Resource: ["*", 7] }),
  fc.constant<Json>({ Effect: "Allow", Action: "s3:*", NotAction: "s3:Get*", Resource: "*" }),
  fc.constant<Json>({
    Effect: "Allow",
    Action: "s3:*",
    Resource: "*",
    Condition: { StringEquals: { "aws:username": { nested: true } } },
  }),
  fc.constant<Json>({ Effect: "Deny", Action: "*", Resource: "*", Condition: "none" }),
  fc.constant<Json>("not a statement"),
  fc.constant<Json>(["nested", "array"]),
);

export function policy(options: PolicyOptions): fc.Arbitrary<Record<string, Json>> {
  const statements = fc
    .array(statement(options), { minLength: 1, maxLength: 4 })
    .chain((list) =>
      options.unknown
        ? fc
            .array(fc.tuple(fc.nat(list.length), invalidStatement), { maxLength: 2 })
            .map((inserts) => {
              const out: Json[] = [...list];
              for (const [at, s] of inserts) out.splice(at, 0, s);
              return out;
            })
        : fc.constant<Json[]>(list),
    )
    .map((list) => {
      // Sids must be unique: number the duplicates.
      const seen = new Set<string>();
      return list.map((s, i) => {
        if (s && typeof s === "object" && !Array.isArray(s) && typeof s.Sid === "string") {
          if (seen.has(s.Sid)) return { ...s, Sid: `${s.Sid}${i}` };
          seen.add(s.Sid);
        }
        return s;
      });
    });
  return fc
    .record(
      {
        version: fc.constantFrom<string | undefined>(
          "2012-10-17",
          "2012-10-17",
          "2008-10-17",
          undefined,
        ),
        id: fc.option(word, { nil: undefined, freq: 4 }),
        statements,
        single: fc.boolean(),
        extra: options.unknown
          ? fc.option(
              fc.jsonValue().map((v) => v as Json),
              { nil: undefined },
            )
          : fc.constant(undefined),
      },
      { requiredKeys: ["version", "statements", "single", "extra"] },
    )
    .chain((p) => {
      const out: Record<string, Json> = {};
      if (p.version !== undefined) out.Version = p.version;
      if (p.id !== undefined) out.Id = p.id;
      out.Statement = p.single && p.statements.length === 1 ? p.statements[0] : p.statements;
      if (p.extra !== undefined) out.Extra = p.extra;
      return shuffled(out);
    });
}

const PRINCIPALS = [
  "arn:aws:iam::111122223333:user/alice",
  "arn:aws:sts::111122223333:assumed-role/rotation-role/session",
  "arn:aws:iam::444455556666:user/mallory",
];

export const request = fc.record({
  principal: fc.constantFrom(...PRINCIPALS),
  action: fc.constantFrom(
    "secretsmanager:GetSecretValue",
    "secretsmanager:DescribeSecret",
    "secretsmanager:ListSecrets",
    "secretsmanager:PutSecretValue",
    "iam:PassRole",
    "iam:GetRole",
    "s3:GetObject",
    "kms:Decrypt",
  ),
  resource: fc.constantFrom(
    "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-a1b2c3",
    "arn:aws:secretsmanager:eu-west-1:111122223333:secret:MyDatabaseMasterSecret-Xy12Ab",
    "arn:aws:iam::111122223333:role/rotation-fn",
    "arn:aws:s3:::bucket/alice/file",
    "*",
  ),
  sourceIp: fc.constantFrom("10.1.2.3", "203.0.113.7", "198.51.100.1"),
  secure: fc.boolean(),
  team: fc.option(fc.constantFrom("payments", "dev"), { nil: undefined }),
  stages: fc.subarray(["AWSCURRENT", "AWSPENDING", "AWSPREVIOUS"]),
  mfaAge: fc.option(fc.nat(10_000), { nil: undefined }),
});

export type RandomRequest = typeof request extends fc.Arbitrary<infer T> ? T : never;
