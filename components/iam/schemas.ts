// zod shapes of what the IAM console sends its server actions (IAM's own limits are the
// operations' to enforce; these only keep the input well-formed).
import { z } from "zod";

export const entityName = z.string().min(1).max(128);
export const policyArn = z.string().regex(/^arn:aws:iam::(aws|\d{12}):policy\/.+$/, "Invalid ARN.");
export const policyDocument = z.string().min(1).max(131_072);
export const tagList = z.array(z.object({ Key: z.string(), Value: z.string() })).max(50);
export const entityKind = z.enum(["user", "group", "role"]);
export const entityRef = z.object({ kind: entityKind, name: entityName });
