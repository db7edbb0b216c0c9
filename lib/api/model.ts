// The wire shapes of AWS's operations, as data: which member is a list, a map, a timestamp, a
// blob. Generated from the Smithy schemas the AWS SDK for JavaScript ships (see
// models/generate.ts), so the protocol codecs know what the SDKs send and expect without
// hand-written tables.
import { readFileSync } from "node:fs";
import path from "node:path";

/** Primitive targets; every other target names a shape in `ServiceModel.shapes`. */
export type Primitive =
  | "#string"
  | "#number"
  | "#boolean"
  | "#timestamp"
  | "#blob"
  | "#document"
  | "#bigInteger"
  | "#bigDecimal";

export interface MemberRef {
  /** A primitive or the name of a structure, list or map in the model. */
  shape: string;
  /** The element / parameter name when it differs from the member name. */
  xmlName?: string;
  /** A list or map written without its wrapper (`Name.1` instead of `Name.member.1`). */
  flattened?: boolean;
  /** IAM answers policy documents URL-encoded (RFC 3986), as AWS does. */
  urlEncoded?: boolean;
}

export type Shape =
  | { type: "structure"; members: Record<string, MemberRef> }
  | { type: "list"; member: MemberRef }
  | { type: "map"; key: MemberRef; value: MemberRef };

export interface OperationModel {
  /** The input structure; absent for operations without input. */
  input?: string;
  /** The output structure; absent for operations that answer nothing. */
  output?: string;
}

export interface ServiceModel {
  /** Smithy namespace, e.g. com.amazonaws.iam. */
  namespace: string;
  operations: Record<string, OperationModel>;
  shapes: Record<string, Shape>;
  /** Modelled errors: SDK exception name -> the query protocol's code and HTTP status. */
  errors: Record<string, { code: string; status: number }>;
}

export const isPrimitive = (shape: string): shape is Primitive => shape.startsWith("#");

/** The named shape a member targets, or undefined for primitives and unknown names. */
export function shapeOf(model: ServiceModel, ref: MemberRef | string): Shape | undefined {
  const name = typeof ref === "string" ? ref : ref.shape;
  return isPrimitive(name) ? undefined : model.shapes[name];
}

/** The committed model of a service (lib/api/models/<service>.json). */
export function loadModel(service: string): ServiceModel {
  const file = path.join(import.meta.dirname, "models", `${service}.json`);
  return JSON.parse(readFileSync(file, "utf8")) as ServiceModel;
}
