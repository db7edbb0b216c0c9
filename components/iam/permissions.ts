// What the signed-in principal may do, for the console to say so before a click: buttons the
// policies refuse are disabled with the action they need. A courtesy only — every operation still
// decides for itself, and its AccessDenied message is shown where the user acted.
import "server-only";
import { decide } from "@/lib/ops/authorize";
import type { Caller } from "@/lib/ops/caller";
import type { Hints } from "./types";

export interface Check {
  action: string;
  resource: string;
}

export async function permissionHints<K extends string>(
  caller: Caller,
  checks: Record<K, Check>,
): Promise<Hints<K>> {
  const hints: Hints<K> = {};
  if (caller.principal.type === "Root") return hints;
  const keys = Object.keys(checks) as K[];
  const outcomes = await Promise.all(
    keys.map((key) =>
      decide(caller, checks[key]).then(
        (outcome) => outcome.decision,
        () => "allowed" as const, // never disable a control because a hint could not be worked out
      ),
    ),
  );
  keys.forEach((key, i) => {
    if (outcomes[i] !== "allowed") hints[key] = `You need ${checks[key].action}`;
  });
  return hints;
}
