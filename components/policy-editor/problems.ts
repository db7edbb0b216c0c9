// What is wrong with a policy as typed, in IAM's words and with where it is: the engine's own
// parser (pure, browser-safe) decides, so the editor agrees with what the operation will accept.
import { tryParsePolicy, type PolicyKind } from "@/lib/iam";

export interface PolicyProblem {
  message: string;
  line: number;
  column: number;
}

export function policyProblems(text: string, kind: PolicyKind): PolicyProblem[] {
  if (!text.trim()) return [{ message: "Enter a policy document.", line: 1, column: 0 }];
  const { errors } = tryParsePolicy(text, { kind });
  return errors.map((e) => ({
    message: e.detail ? `${e.message.replace(/\.?$/, ".")} ${e.detail}` : e.message,
    line: e.span.start.line,
    column: e.span.start.column,
  }));
}
