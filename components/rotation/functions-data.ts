// What the rotation-function pages read, through the operations as the signed-in principal.
import "server-only";
import { load } from "@/components/actions/load";
import type { Caller } from "@/lib/ops/caller";
import { listFunctions } from "@/lib/ops/lambda";
import { listSecrets } from "@/lib/ops/secretsmanager";
import { toFunctionView } from "./serialize";
import type { RotationFunctionView, SecretRef } from "./types";

export async function loadFunctions(caller: Caller) {
  return load(async () => {
    const out: RotationFunctionView[] = [];
    let marker: string | undefined;
    do {
      const page = await listFunctions(caller, { Marker: marker, MaxItems: 1000 });
      out.push(...page.Functions.map(toFunctionView));
      marker = page.NextMarker;
    } while (marker && out.length < 10_000);
    return out;
  });
}

/** The secrets that name each rotation function (by function ARN), as far as the caller may list. */
export async function loadSecretsByFunction(caller: Caller) {
  return load(async () => {
    const byFunction: Record<string, SecretRef[]> = {};
    let token: string | undefined;
    let seen = 0;
    do {
      const page = await listSecrets(caller, { MaxResults: 100, NextToken: token });
      token = page.NextToken;
      seen += page.SecretList.length;
      for (const s of page.SecretList) {
        if (!s.RotationLambdaARN) continue;
        (byFunction[s.RotationLambdaARN] ??= []).push({ ARN: s.ARN, Name: s.Name });
      }
    } while (token && seen < 10_000);
    return byFunction;
  });
}
