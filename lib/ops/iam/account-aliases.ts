// The account alias: CreateAccountAlias, DeleteAccountAlias, ListAccountAliases. An account has
// one alias at most; creating another replaces it, as AWS's sign-in guide says ("the new alias
// overwrites the previous alias"). Console sign-in accepts it in place of the account id.
import { defineOperation } from "../operation";
import { IamValidation, NoSuchEntity, page } from "./common";

const ALIAS_PATTERN = /^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$/;

/** AWS's checks of accountAliasType: 3 to 63 characters, then the pattern. */
export function checkAccountAlias(value: unknown): string {
  const at = (constraint: string) =>
    IamValidation(
      `1 validation error detected: Value ${value === undefined || value === null ? "null" : `'${String(value)}'`} at 'accountAlias' failed to satisfy constraint: ${constraint}`,
      "AccountAlias",
    );
  if (typeof value !== "string") throw at("Member must not be null");
  if (value.length < 3) throw at("Member must have length greater than or equal to 3");
  if (value.length > 63) throw at("Member must have length less than or equal to 63");
  if (!ALIAS_PATTERN.test(value)) {
    throw at(`Member must satisfy regular expression pattern: ${ALIAS_PATTERN.source}`);
  }
  return value;
}

export const createAccountAlias = defineOperation<{ AccountAlias: string }, Record<string, never>>(
  "iam:CreateAccountAlias",
  async (ctx, input) => {
    const alias = checkAccountAlias(input?.AccountAlias);
    await ctx.authorize({ resource: "*" });
    await ctx.rt.db.$transaction(async (tx) => {
      await tx.account.update({ where: { id: ctx.rt.accountId }, data: { alias } });
      await ctx.auditIn(tx);
    });
    return {};
  },
);

export const deleteAccountAlias = defineOperation<{ AccountAlias: string }, Record<string, never>>(
  "iam:DeleteAccountAlias",
  async (ctx, input) => {
    const alias = checkAccountAlias(input?.AccountAlias);
    await ctx.authorize({ resource: "*" });
    await ctx.rt.db.$transaction(async (tx) => {
      const cleared = await tx.account.updateMany({
        where: { id: ctx.rt.accountId, alias },
        data: { alias: null },
      });
      if (cleared.count === 0) throw NoSuchEntity(`The account alias ${alias} cannot be found.`);
      await ctx.auditIn(tx);
    });
    return {};
  },
);

export const listAccountAliases = defineOperation<
  { Marker?: string; MaxItems?: number },
  { AccountAliases: string[]; IsTruncated: boolean; Marker?: string }
>("iam:ListAccountAliases", async (ctx, input) => {
  await ctx.authorize({ resource: "*" });
  const account = await ctx.rt.db.account.findUnique({
    where: { id: ctx.rt.accountId },
    select: { alias: true },
  });
  const { items, IsTruncated, Marker } = page(account?.alias ? [account.alias] : [], input ?? {});
  return { AccountAliases: items, IsTruncated, Marker };
});
