// IAM entities Strongbox does not have: MFA devices, signing certificates, SSH public keys,
// service-specific credentials. Clients ask for them routinely (`aws iam list-mfa-devices`, the
// clean-up an SDK script or a tool does before DeleteUser), so the list operations answer what is
// true here: an empty list, after the same authorization and NoSuchEntity checks as IAM.
import { defineOperation, type OpContext } from "../operation";
import type { Principal } from "../caller";
import { IamValidation, checkName, page } from "./common";
import { authorizedUser } from "./users";

interface Paging {
  Marker?: string;
  MaxItems?: number;
}

type EmptyPage<K extends string> = { [key in K]: never[] } & { IsTruncated: false };

/** The user named, else the caller itself (as IAM does for a user's own credentials). */
function targetUser(caller: Principal, name: unknown): string {
  if (name !== undefined && name !== null) return checkName(name, "UserName");
  if (caller.type !== "User") {
    throw IamValidation("Must specify userName when calling with non-User credentials", "UserName");
  }
  return caller.name;
}

/** MaxItems and Marker are checked as on any IAM list, though there is nothing to page. */
function empty<K extends string>(member: K, input: Paging | undefined): EmptyPage<K> {
  page([], input ?? {});
  return { [member]: [], IsTruncated: false } as EmptyPage<K>;
}

async function forUser(ctx: OpContext, input: { UserName?: string } | undefined) {
  await authorizedUser(ctx, targetUser(ctx.caller.principal, input?.UserName));
}

export const listMFADevices = defineOperation<
  { UserName?: string } & Paging,
  EmptyPage<"MFADevices">
>("iam:ListMFADevices", async (ctx, input) => {
  await forUser(ctx, input);
  return empty("MFADevices", input);
});

export const listVirtualMFADevices = defineOperation<
  { AssignmentStatus?: string } & Paging,
  EmptyPage<"VirtualMFADevices">
>("iam:ListVirtualMFADevices", async (ctx, input) => {
  await ctx.authorize({ resource: "*" });
  return empty("VirtualMFADevices", input);
});

export const listSigningCertificates = defineOperation<
  { UserName?: string } & Paging,
  EmptyPage<"Certificates">
>("iam:ListSigningCertificates", async (ctx, input) => {
  await forUser(ctx, input);
  return empty("Certificates", input);
});

export const listSSHPublicKeys = defineOperation<
  { UserName?: string } & Paging,
  EmptyPage<"SSHPublicKeys">
>("iam:ListSSHPublicKeys", async (ctx, input) => {
  await forUser(ctx, input);
  return empty("SSHPublicKeys", input);
});

export const listServiceSpecificCredentials = defineOperation<
  { UserName?: string; ServiceName?: string },
  { ServiceSpecificCredentials: never[] }
>("iam:ListServiceSpecificCredentials", async (ctx, input) => {
  await forUser(ctx, input);
  return { ServiceSpecificCredentials: [] };
});
