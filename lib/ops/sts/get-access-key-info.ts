// sts:GetAccessKeyInfo: the account an access key belongs to, whatever its state (active,
// inactive, an expired session's). AWS reads the account out of the key id itself; Strongbox
// holds one account and answers for the keys it issued: IAM users' AKIA... keys and STS
// sessions' ASIA... keys. A key it never issued (or has deleted) is refused in the words AWS's
// documentation gives for a deleted key: the key does not exist.
import { AccessDenied, AwsError } from "../../errors";
import { defineOperation } from "../operation";
import { NOT_NULL, constraint, usesSessionToken } from "./common";

export interface GetAccessKeyInfoInput {
  AccessKeyId: string;
}

export interface GetAccessKeyInfoOutput {
  Account: string;
}

const ACTION = "sts:GetAccessKeyInfo";

function checkInput(input: GetAccessKeyInfoInput | undefined): string {
  const id = (input as { AccessKeyId?: unknown } | undefined)?.AccessKeyId;
  if (id === undefined || id === null) throw constraint(id, "accessKeyId", NOT_NULL);
  const text = String(id);
  if (text.length < 16) {
    throw constraint(text, "accessKeyId", "Member must have length greater than or equal to 16");
  }
  if (text.length > 128) {
    throw constraint(text, "accessKeyId", "Member must have length less than or equal to 128");
  }
  if (!/^\w*$/.test(text)) {
    throw constraint(text, "accessKeyId", "Member must satisfy regular expression pattern: [\\w]*");
  }
  return text;
}

export const getAccessKeyInfo = defineOperation<GetAccessKeyInfoInput, GetAccessKeyInfoOutput>(
  ACTION,
  async (ctx, input) => {
    const accessKeyId = checkInput(input);
    const { rt, caller } = ctx;
    // AWS: GetSessionToken's credentials may call no STS operation but AssumeRole and
    // GetCallerIdentity.
    if (usesSessionToken(caller.principal)) {
      throw AccessDenied("Cannot call GetAccessKeyInfo with session credentials");
    }
    await ctx.authorize({ resource: "*" });
    const [key, session] = await Promise.all([
      rt.db.iamAccessKey.findUnique({ where: { id: accessKeyId }, select: { id: true } }),
      rt.db.stsSession.findUnique({ where: { id: accessKeyId }, select: { id: true } }),
    ]);
    if (!key && !session) {
      throw new AwsError("InvalidParameterValue", `The access key ${accessKeyId} does not exist.`, {
        status: 400,
      });
    }
    return { Account: rt.accountId };
  },
);
