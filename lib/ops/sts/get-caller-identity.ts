// sts:GetCallerIdentity: who the credentials belong to. AWS needs no permission for it (an
// explicit deny cannot stop it either), so it asks no policy and changes nothing.
import type { Caller } from "../caller";
import type { Operation } from "../operation";

export interface GetCallerIdentityOutput {
  UserId: string;
  Account: string;
  Arn: string;
}

async function run(caller: Caller): Promise<GetCallerIdentityOutput> {
  const { principal } = caller;
  return { UserId: principal.id, Account: principal.accountId, Arn: principal.arn };
}

export const getCallerIdentity: Operation<
  Record<string, never> | undefined,
  GetCallerIdentityOutput
> = Object.assign(run, { action: "sts:GetCallerIdentity" });
