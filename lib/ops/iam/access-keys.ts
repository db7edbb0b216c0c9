// Access keys of IAM users (AKIA...): the secret is shown once, at creation, and kept sealed
// under the key-encryption key so the API can verify SigV4 signatures with it.
import { randomBytes } from "node:crypto";
import { openValue, sealValue } from "../../crypto/envelope";
import { defineOperation } from "../operation";
import type { Principal } from "../caller";
import type { Runtime } from "../runtime";
import { IamLimitExceeded, IamValidation, NoSuchEntity, checkName, newId, page } from "./common";
import { authorizedUser } from "./users";

export const MAX_ACCESS_KEYS = 2;

const aad = (id: string) => `iam-access-key\n${id}`;

/** The user the key operations act on: the one named, else the caller itself. */
function targetUser(caller: Principal, name: unknown): string {
  if (name !== undefined && name !== null) return checkName(name, "UserName");
  if (caller.type !== "User") {
    throw IamValidation("Must specify userName when calling with non-User credentials", "UserName");
  }
  return caller.name;
}

export interface AccessKeyMetadata {
  UserName: string;
  AccessKeyId: string;
  Status: "Active" | "Inactive";
  CreateDate: Date;
}

export const createAccessKey = defineOperation<
  { UserName?: string },
  { AccessKey: AccessKeyMetadata & { SecretAccessKey: string } }
>("iam:CreateAccessKey", async (ctx, input) => {
  const user = await authorizedUser(ctx, targetUser(ctx.caller.principal, input?.UserName));
  const id = newId("AKIA", 20);
  const secret = randomBytes(30)
    .toString("base64")
    .replace(/[+/]/g, (c) => (c === "+" ? "x" : "Y"))
    .slice(0, 40);
  const sealed = sealValue(ctx.rt.kek, Buffer.from(secret, "utf8"), aad(id));
  const now = ctx.rt.now();
  await ctx.rt.db.$transaction(async (tx) => {
    if ((await tx.iamAccessKey.count({ where: { userId: user.id } })) >= MAX_ACCESS_KEYS) {
      throw IamLimitExceeded(`Cannot exceed quota for AccessKeysPerUser: ${MAX_ACCESS_KEYS}`);
    }
    await tx.iamAccessKey.create({
      data: {
        id,
        userId: user.id,
        secretSealed: new Uint8Array(sealed.ciphertext),
        secretWrapped: new Uint8Array(sealed.wrappedKey),
        createDate: now,
      },
    });
    await ctx.auditIn(tx);
  });
  return {
    AccessKey: {
      UserName: user.name,
      AccessKeyId: id,
      Status: "Active",
      SecretAccessKey: secret,
      CreateDate: now,
    },
  };
});

export const listAccessKeys = defineOperation<
  { UserName?: string; Marker?: string; MaxItems?: number },
  { AccessKeyMetadata: AccessKeyMetadata[]; IsTruncated: boolean; Marker?: string }
>("iam:ListAccessKeys", async (ctx, input) => {
  const user = await authorizedUser(ctx, targetUser(ctx.caller.principal, input?.UserName));
  const keys = await ctx.rt.db.iamAccessKey.findMany({
    where: { userId: user.id },
    orderBy: { createDate: "asc" },
  });
  const { items, IsTruncated, Marker } = page(keys, input ?? {});
  return {
    AccessKeyMetadata: items.map((k) => ({
      UserName: user.name,
      AccessKeyId: k.id,
      Status: k.status as "Active" | "Inactive",
      CreateDate: k.createDate,
    })),
    IsTruncated,
    Marker,
  };
});

async function userKey(rt: Runtime, userId: string, accessKeyId: unknown) {
  const key =
    typeof accessKeyId === "string"
      ? await rt.db.iamAccessKey.findFirst({ where: { id: accessKeyId, userId } })
      : null;
  if (!key) throw NoSuchEntity(`The Access Key with id ${String(accessKeyId)} cannot be found.`);
  return key;
}

export const updateAccessKey = defineOperation<
  { UserName?: string; AccessKeyId: string; Status: "Active" | "Inactive" },
  Record<string, never>
>("iam:UpdateAccessKey", async (ctx, input) => {
  const user = await authorizedUser(ctx, targetUser(ctx.caller.principal, input.UserName));
  if (input.Status !== "Active" && input.Status !== "Inactive") {
    throw IamValidation("Status must be Active or Inactive.", "Status");
  }
  const key = await userKey(ctx.rt, user.id, input.AccessKeyId);
  await ctx.rt.db.$transaction(async (tx) => {
    await tx.iamAccessKey.update({ where: { id: key.id }, data: { status: input.Status } });
    await ctx.auditIn(tx);
  });
  return {};
});

export const deleteAccessKey = defineOperation<
  { UserName?: string; AccessKeyId: string },
  Record<string, never>
>("iam:DeleteAccessKey", async (ctx, input) => {
  const user = await authorizedUser(ctx, targetUser(ctx.caller.principal, input.UserName));
  const key = await userKey(ctx.rt, user.id, input.AccessKeyId);
  await ctx.rt.db.$transaction(async (tx) => {
    await tx.iamAccessKey.delete({ where: { id: key.id } });
    await ctx.auditIn(tx);
  });
  return {};
});

export const getAccessKeyLastUsed = defineOperation<
  { AccessKeyId: string },
  {
    UserName: string;
    AccessKeyLastUsed: { LastUsedDate?: Date; ServiceName: string; Region: string };
  }
>("iam:GetAccessKeyLastUsed", async (ctx, input) => {
  const key = await ctx.rt.db.iamAccessKey.findUnique({
    where: { id: String(input.AccessKeyId) },
    include: { user: { select: { name: true, arn: true } } },
  });
  await ctx.authorize({ resource: key?.user.arn ?? `arn:aws:iam::${ctx.rt.accountId}:user/*` });
  if (!key) throw NoSuchEntity(`The Access Key with id ${input.AccessKeyId} cannot be found.`);
  return {
    UserName: key.user.name,
    AccessKeyLastUsed: {
      LastUsedDate: key.lastUsedDate ?? undefined,
      ServiceName: key.lastUsedService ?? "N/A",
      Region: key.lastUsedRegion ?? "N/A",
    },
  };
});

/** Opens a stored secret access key (for SigV4 verification). */
export function openAccessKeySecret(
  kek: Buffer,
  key: { id: string; secretSealed: Uint8Array; secretWrapped: Uint8Array },
): string {
  return openValue(
    kek,
    { ciphertext: Buffer.from(key.secretSealed), wrappedKey: Buffer.from(key.secretWrapped) },
    aad(key.id),
  ).toString("utf8");
}
