import { InvalidParameter, LimitExceeded } from "../../errors";
import type { Tx } from "../../db/client";
import { defineOperation, type OpContext } from "../operation";
import { authorizedSecret, markedForDeletion } from "./secrets";
import { MAX_TAGS, parseTags, requestTagContext } from "./tags";
import { SECRET_ID, optionalStringList, requiredString } from "./validate";
import { secretWords } from "./words";

async function resolve(
  ctx: OpContext,
  secretId: string,
  context: Record<string, string | string[]>,
) {
  const secret = await authorizedSecret(ctx, secretId, context);
  if (secret.deletedDate) throw markedForDeletion();
  return secret;
}

async function reindex(tx: Tx, secretId: string) {
  const secret = await tx.secret.findUniqueOrThrow({
    where: { id: secretId },
    select: { name: true, description: true, tags: { select: { key: true, value: true } } },
  });
  await tx.secretWord.deleteMany({ where: { secretId } });
  await tx.secretWord.createMany({
    data: secretWords(secret).map((w) => ({ secretId, ...w })),
  });
}

export const tagResource = defineOperation<
  { SecretId: string; Tags: { Key: string; Value: string }[] },
  Record<string, never>
>("secretsmanager:TagResource", async (ctx, input) => {
  const secretId = requiredString(
    input as unknown as Record<string, unknown>,
    "SecretId",
    SECRET_ID,
  );
  const tags = parseTags(input.Tags);
  if (tags.length === 0) throw InvalidParameter("You must specify at least one tag.", "Tags");
  const secret = await resolve(ctx, secretId, requestTagContext(tags));
  const keys = new Set([...secret.tags.map((t) => t.key), ...tags.map((t) => t.Key)]);
  if (keys.size > MAX_TAGS) {
    throw LimitExceeded(`A secret can have at most ${MAX_TAGS} tags.`);
  }
  await ctx.rt.db.$transaction(async (tx) => {
    for (const tag of tags) {
      await tx.secretTag.upsert({
        where: { secretId_key: { secretId: secret.id, key: tag.Key } },
        create: { secretId: secret.id, key: tag.Key, value: tag.Value },
        update: { value: tag.Value },
      });
    }
    await reindex(tx, secret.id);
    await ctx.auditIn(tx);
  });
  return {};
});

export const untagResource = defineOperation<
  { SecretId: string; TagKeys: string[] },
  Record<string, never>
>("secretsmanager:UntagResource", async (ctx, input) => {
  const secretId = requiredString(
    input as unknown as Record<string, unknown>,
    "SecretId",
    SECRET_ID,
  );
  const keys = input.TagKeys;
  if (!Array.isArray(keys) || keys.length === 0 || keys.some((k) => typeof k !== "string")) {
    throw InvalidParameter("TagKeys must be a non-empty list of tag keys.", "TagKeys");
  }
  // Each key as the model says (TagKeyType: 1 to 128 characters).
  optionalStringList(input as unknown as Record<string, unknown>, "TagKeys", { min: 1, max: 128 });
  const secret = await resolve(ctx, secretId, { "aws:TagKeys": keys });
  await ctx.rt.db.$transaction(async (tx) => {
    await tx.secretTag.deleteMany({ where: { secretId: secret.id, key: { in: keys } } });
    await reindex(tx, secret.id);
    await ctx.auditIn(tx);
  });
  return {};
});
