// How many groups each of many users belongs to, for the users list: one decision per user
// (iam:ListGroupsForUser on that user, exactly what asking user by user would decide) against one
// look at the caller's policies, and one query for all the counts. A constant number of queries
// whatever the number of users.
//
// Not an AWS action of its own: deliberately left out of index.ts, so the AWS API (which serves
// every export of index.ts by its action name) keeps serving the real ListGroupsForUser.
import { decideEach } from "../authorize";
import { defineOperation } from "../operation";
import { IamValidation, checkName, iamArn } from "./common";

export const MAX_GROUP_COUNT_USERS = 1000;
const IN_LIST_MAX = 500;

export interface CountGroupsForUsersInput {
  UserNames: string[];
}

export interface CountGroupsForUsersOutput {
  /** User name -> number of groups; users the caller may not ask about are absent. */
  GroupCounts: Record<string, number>;
}

export const countGroupsForUsers = defineOperation<
  CountGroupsForUsersInput,
  CountGroupsForUsersOutput
>("iam:ListGroupsForUser", async (ctx, input) => {
  const names = [...new Set(input?.UserNames ?? [])].map((n) => checkName(n, "UserName"));
  if (names.length > MAX_GROUP_COUNT_USERS) {
    throw IamValidation(
      `At most ${MAX_GROUP_COUNT_USERS} user names at a time; got ${names.length}.`,
      "UserNames",
    );
  }
  // Past a few hundred names, one read of every user beats a long IN list (ListUsers, which
  // gave the names, read them all too) and stays under SQLite's limit on bound parameters.
  const wanted = new Set(names);
  const users = (
    await ctx.rt.db.iamUser.findMany({
      where: names.length <= IN_LIST_MAX ? { name: { in: names } } : undefined,
      select: { id: true, name: true, arn: true },
      orderBy: { name: "asc" },
    })
  ).filter((u) => wanted.has(u.name));
  const decisions = await decideEach(
    ctx.caller,
    users.map((u) => ({ action: "iam:ListGroupsForUser", resource: u.arn })),
    ctx.rt,
  );
  const allowed = users.filter((_, i) => decisions[i] === "allowed");
  // The call's own decision (and audit row): on a user it may see, else on the first it may not
  // (AccessDenied in AWS's words, as the first per-user call would have said).
  await ctx.authorize({
    resource: (allowed[0] ?? users[0])?.arn ?? iamArn(ctx.rt, "user", "/", "*"),
  });
  // Likewise for the counts: one count over every membership when the users are many.
  const counts =
    allowed.length === 0
      ? []
      : await ctx.rt.db.iamGroupMember.groupBy({
          by: ["userId"],
          where:
            allowed.length <= IN_LIST_MAX
              ? { userId: { in: allowed.map((u) => u.id) } }
              : undefined,
          _count: { _all: true },
        });
  const byId = new Map(counts.map((c) => [c.userId, c._count._all]));
  return { GroupCounts: Object.fromEntries(allowed.map((u) => [u.name, byId.get(u.id) ?? 0])) };
});
