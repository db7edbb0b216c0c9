export { parseArn, type ArnParts } from "../arn";

/** AWS partitions an ARN may name. */
export const PARTITIONS: readonly string[] = [
  "aws",
  "aws-cn",
  "aws-us-gov",
  "aws-iso",
  "aws-iso-b",
  "aws-iso-e",
  "aws-iso-f",
  "aws-eusc",
];
