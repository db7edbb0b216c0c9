// Console paths of IAM entities, and what a policy's ARN says about it. Pure: used on both sides.
import type { EntityKind, PolicyType } from "./types";

const seg = encodeURIComponent;

export const userHref = (name: string) => `/iam/users/details/${seg(name)}`;
export const groupHref = (name: string) => `/iam/groups/details/${seg(name)}`;
export const roleHref = (name: string) => `/iam/roles/details/${seg(name)}`;

export function entityHref(kind: EntityKind, name: string): string {
  return kind === "user" ? userHref(name) : kind === "group" ? groupHref(name) : roleHref(name);
}

export const ENTITY_TITLE: Record<EntityKind, string> = {
  user: "User",
  group: "Group",
  role: "Role",
};

const POLICY_ARN = /^arn:aws:iam::(aws|\d{12}):policy\/(.+)$/;

/** arn:aws:iam::aws:policy/service-role/X -> aws/service-role/X (each part escaped). */
function policyPath(arn: string): string {
  const match = POLICY_ARN.exec(arn);
  if (!match) return seg(arn);
  return [match[1], ...match[2].split("/")].map(seg).join("/");
}

export const policyHref = (arn: string) => `/iam/policies/details/${policyPath(arn)}`;
export const policyAttachHref = (arn: string) => `/iam/policies/attach/${policyPath(arn)}`;
export const policyEditHref = (arn: string) => `/iam/policies/edit/${policyPath(arn)}`;

function decodeSegment(segment: string): string {
  if (!segment.includes("%")) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The ARN a catch-all route's segments name, or undefined when they can't be one. */
export function policyArnFromSegments(segments: string[]): string | undefined {
  const parts = segments.map(decodeSegment);
  const [owner, ...rest] = parts;
  if (!owner || rest.length === 0 || !(owner === "aws" || /^\d{12}$/.test(owner))) return undefined;
  return `arn:aws:iam::${owner}:policy/${rest.join("/")}`;
}

export function decodeNameSegment(segment: string): string {
  return decodeSegment(segment);
}

export function isAwsManaged(arn: string): boolean {
  return arn.startsWith("arn:aws:iam::aws:policy/");
}

/** IAM's policy types, as the console's "Filter: Policy type" names them. */
export function policyType(arn: string, path: string): PolicyType {
  if (!isAwsManaged(arn)) return "Customer managed";
  return path === "/job-function/" ? "AWS managed - job function" : "AWS managed";
}

export function policyNameFromArn(arn: string): string {
  return arn.split("/").pop() ?? arn;
}
