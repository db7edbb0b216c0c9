// Writes lib/api/models/<service>.json from the Smithy schemas inside the AWS SDK for JavaScript
// v3 client packages (devDependencies; the server reads only the JSON). Run after upgrading a
// client: `npx tsx lib/api/models/generate.ts`. A test fails while the JSON and the installed
// SDK disagree.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { NormalizedSchema } from "@smithy/core/schema";
import type { MemberRef, Primitive, ServiceModel, Shape } from "../model";

export interface ServiceSource {
  /** The file name under lib/api/models/. */
  service: string;
  /** The SDK client package. */
  sdkPackage: string;
  /** Output members IAM answers URL-encoded: structure name -> member names. */
  urlEncoded?: Record<string, string[]>;
}

// botocore's `policyDocumentType` members of IAM's responses (the JavaScript schemas inline
// string shapes, so the name that marks them is gone).
const IAM_URL_ENCODED: Record<string, string[]> = {
  GetGroupPolicyResponse: ["PolicyDocument"],
  GetRolePolicyResponse: ["PolicyDocument"],
  GetUserPolicyResponse: ["PolicyDocument"],
  PolicyDetail: ["PolicyDocument"],
  PolicyVersion: ["Document"],
  Role: ["AssumeRolePolicyDocument"],
  RoleDetail: ["AssumeRolePolicyDocument"],
};

export const SOURCES: ServiceSource[] = [
  { service: "secretsmanager", sdkPackage: "@aws-sdk/client-secrets-manager" },
  { service: "iam", sdkPackage: "@aws-sdk/client-iam", urlEncoded: IAM_URL_ENCODED },
  { service: "sts", sdkPackage: "@aws-sdk/client-sts" },
];

type SchemaArray = [number, string, string, ...unknown[]];
const OPERATION = 9;
const ERROR = -3;

function primitive(ns: NormalizedSchema): Primitive {
  if (ns.isBlobSchema()) return "#blob";
  if (ns.isTimestampSchema()) return "#timestamp";
  if (ns.isBooleanSchema()) return "#boolean";
  if (ns.isBigIntegerSchema()) return "#bigInteger";
  if (ns.isBigDecimalSchema()) return "#bigDecimal";
  if (ns.isNumericSchema()) return "#number";
  if (ns.isStringSchema()) return "#string";
  if (ns.isDocumentSchema()) return "#document";
  throw new Error(`unsupported schema ${ns.getName(true)}`);
}

class ModelBuilder {
  readonly shapes: Record<string, Shape> = {};

  constructor(private readonly urlEncoded: Record<string, string[]> = {}) {}

  /** The target of a member (or of an operation's input/output), recording named shapes. */
  ref(ns: NormalizedSchema, memberName?: string, owner?: string): MemberRef {
    const traits = ns.getMergedTraits() as Record<string, unknown>;
    const ref: MemberRef = { shape: this.target(ns) };
    if (typeof traits.xmlName === "string" && traits.xmlName !== memberName) {
      ref.xmlName = traits.xmlName;
    }
    if (traits.xmlFlattened) ref.flattened = true;
    if (owner && memberName && this.urlEncoded[owner]?.includes(memberName)) ref.urlEncoded = true;
    return ref;
  }

  private target(ns: NormalizedSchema): string {
    const isAggregate = ns.isStructSchema() || ns.isListSchema() || ns.isMapSchema();
    if (!isAggregate) return primitive(ns);
    const schema = ns.getSchema();
    // Lists and maps of primitives are anonymous in the schemas (64|type, 128|type): name them.
    const name = Array.isArray(schema)
      ? (schema as SchemaArray)[2]
      : `${ns.isListSchema() ? "ListOf" : "MapOf"}${primitive(ns.getValueSchema()).slice(1)}`;
    if (this.shapes[name]) return name;
    if (ns.isStructSchema()) {
      const shape: Shape = { type: "structure", members: {} };
      this.shapes[name] = shape;
      for (const [member, memberNs] of ns.structIterator()) {
        shape.members[member] = this.ref(memberNs, member, name);
      }
    } else if (ns.isListSchema()) {
      const shape = { type: "list", member: { shape: "#string" } } as Shape & { type: "list" };
      this.shapes[name] = shape;
      shape.member = this.ref(ns.getValueSchema(), "member");
    } else {
      const shape = {
        type: "map",
        key: { shape: "#string" },
        value: { shape: "#string" },
      } as Shape & { type: "map" };
      this.shapes[name] = shape;
      shape.key = this.ref(ns.getKeySchema(), "key");
      shape.value = this.ref(ns.getValueSchema(), "value");
    }
    return name;
  }
}

/** The model of one SDK client module (its exports include every operation and error schema). */
export function buildModel(
  sdk: Record<string, unknown>,
  urlEncoded?: Record<string, string[]>,
): ServiceModel {
  const builder = new ModelBuilder(urlEncoded);
  const model: ServiceModel = { namespace: "", operations: {}, shapes: builder.shapes, errors: {} };
  const entries = Object.entries(sdk)
    .filter(([key, value]) => key.endsWith("$") && Array.isArray(value))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [, value] of entries) {
    const schema = value as SchemaArray;
    if (schema[0] === OPERATION) {
      const [, namespace, name, , input, output] = schema;
      model.namespace = namespace;
      const operation: ServiceModel["operations"][string] = {};
      for (const [key, target] of [
        ["input", input],
        ["output", output],
      ] as const) {
        const ns = NormalizedSchema.of(target as never);
        if (!ns.isUnitSchema()) operation[key] = builder.ref(ns).shape;
      }
      model.operations[name] = operation;
    } else if (schema[0] === ERROR && !schema[1].startsWith("smithy.ts.sdk.synthetic")) {
      const ns = NormalizedSchema.of(schema as never);
      const traits = ns.getMergedTraits() as Record<string, unknown>;
      const query = traits.awsQueryError as [string, number] | undefined;
      const status = (traits.httpError as number | undefined) ?? query?.[1] ?? 400;
      model.errors[schema[2]] = { code: query?.[0] ?? schema[2], status };
    }
  }
  model.shapes = Object.fromEntries(
    Object.entries(builder.shapes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  return model;
}

export function modelFor(source: ServiceSource): ServiceModel {
  const require = createRequire(import.meta.url);
  return buildModel(require(source.sdkPackage) as Record<string, unknown>, source.urlEncoded);
}

export function modelPath(service: string): string {
  return path.join(import.meta.dirname, `${service}.json`);
}

function main() {
  for (const source of SOURCES) {
    const model = modelFor(source);
    writeFileSync(modelPath(source.service), JSON.stringify(model, null, 2) + "\n");
    console.log(
      `${source.service}: ${Object.keys(model.operations).length} operations, ${Object.keys(model.shapes).length} shapes`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
