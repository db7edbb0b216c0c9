// The users list's group counts: one batched ListGroupsForUser decision per user and one query for
// all counts, so 1,000 users cost the same number of queries as 10, and each count is what
// ListGroupsForUser says for that user.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { Caller } from "@/lib/ops/caller";
import {
  addUserToGroup,
  createGroup,
  createUser,
  listGroupsForUser,
  listUsers,
  putUserPolicy,
} from "@/lib/ops/iam";
import { countGroupsForUsers } from "@/lib/ops/iam/group-counts";
import { setRuntime, type Runtime } from "@/lib/ops/runtime";
import { createTestRuntime, providers, type TestRuntime } from "../helpers/runtime";

const ACCOUNT = "111122223333";
const USERS = 1000;
const name = (i: number) => `user-${String(i).padStart(4, "0")}`;
const groupsOf = (i: number) => i % 4; // 0 to 3 groups each
const list = await providers();

describe.each(list)("users list group counts on %s", (provider) => {
  let t: TestRuntime;
  let viewer: Caller;

  beforeAll(async () => {
    t = await createTestRuntime(provider);
    const groups: { GroupId: string }[] = [];
    for (const g of ["g0", "g1", "g2"]) {
      groups.push((await createGroup(t.root, { GroupName: g })).Group);
    }
    // A few through the operations; the rest written in bulk, rows alike, to keep the test quick.
    for (let i = 0; i < 4; i++) {
      await createUser(t.root, { UserName: name(i), Path: i % 2 === 0 ? "/even/" : "/odd/" });
      for (let g = 0; g < groupsOf(i); g++) {
        await addUserToGroup(t.root, { GroupName: `g${g}`, UserName: name(i) });
      }
    }
    const bulk = Array.from({ length: USERS - 4 }, (_, k) => {
      const i = k + 4;
      const path = i % 2 === 0 ? "/even/" : "/odd/";
      return {
        i,
        row: {
          id: `AIDABULK${String(i).padStart(13, "0")}`,
          name: name(i),
          path,
          arn: `arn:aws:iam::${ACCOUNT}:user${path}${name(i)}`,
          createDate: new Date(),
        },
      };
    });
    await t.db.iamUser.createMany({ data: bulk.map((b) => b.row) });
    await t.db.iamGroupMember.createMany({
      data: bulk.flatMap(({ i, row }) =>
        groups.slice(0, groupsOf(i)).map((g) => ({ groupId: g.GroupId, userId: row.id })),
      ),
    });
    const { User } = await createUser(t.root, { UserName: "viewer" });
    viewer = {
      principal: {
        type: "User",
        arn: User.Arn,
        accountId: ACCOUNT,
        name: "viewer",
        id: User.UserId,
      },
      via: "console",
    };
    // The viewer may ask about the users under /even/ only.
    await putUserPolicy(t.root, {
      UserName: "viewer",
      PolicyName: "even-only",
      PolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: "iam:ListGroupsForUser",
            Resource: `arn:aws:iam::${ACCOUNT}:user/even/*`,
          },
        ],
      }),
    });
  }, 120_000);
  afterAll(async () => t.dispose());

  /** Runs `fn` against a runtime whose database counts every query it is sent. */
  async function countingQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
    let queries = 0;
    const db = t.db.$extends({
      query: {
        $allModels: {
          async $allOperations({ args, query }) {
            queries += 1;
            return query(args);
          },
        },
      },
    }) as unknown as Db;
    const sql = { ...t.sql, setting: (key: string) => ((queries += 1), t.sql.setting(key)) };
    const counted: Runtime = { ...t, db, sql };
    setRuntime(counted);
    try {
      return { result: await fn(), queries };
    } finally {
      setRuntime(t);
    }
  }

  describe("countGroupsForUsers", () => {
    it("counts every user's groups, as ListGroupsForUser does, for the root user", async () => {
      const { Users } = await listUsers(t.root, { MaxItems: 1000, PathPrefix: "/" });
      const names = Users.map((u) => u.UserName).filter((n) => n.startsWith("user-"));
      expect(names).toHaveLength(USERS);
      const { GroupCounts } = await countGroupsForUsers(t.root, { UserNames: names });
      expect(Object.keys(GroupCounts)).toHaveLength(USERS);
      for (let i = 0; i < USERS; i++) expect(GroupCounts[name(i)]).toBe(groupsOf(i));
      for (const i of [0, 1, 2, 3, 997, 998, 999]) {
        const { Groups } = await listGroupsForUser(t.root, { UserName: name(i) });
        expect(GroupCounts[name(i)]).toBe(Groups.length);
      }
    });

    it("leaves out the users the caller may not ask about", async () => {
      const names = Array.from({ length: USERS }, (_, i) => name(i));
      const { GroupCounts } = await countGroupsForUsers(viewer, { UserNames: names });
      expect(Object.keys(GroupCounts)).toHaveLength(USERS / 2);
      expect(GroupCounts[name(2)]).toBe(2);
      expect(GroupCounts[name(3)]).toBeUndefined();
      await expect(listGroupsForUser(viewer, { UserName: name(3) })).rejects.toMatchObject({
        code: "AccessDeniedException",
      });
    });

    it("is refused in AWS's words when the caller may ask about none of them", async () => {
      await expect(
        countGroupsForUsers(viewer, { UserNames: [name(1), name(3)] }),
      ).rejects.toMatchObject({
        code: "AccessDeniedException",
        message: expect.stringContaining("iam:ListGroupsForUser on resource: arn:aws:iam::"),
      });
    });

    it("sends as many queries for 1,000 users as for 10", async () => {
      const all = Array.from({ length: USERS }, (_, i) => name(i));
      // Warm the caller's compiled policy set, so both runs start alike.
      await countGroupsForUsers(viewer, { UserNames: all.slice(0, 2) });
      const ten = await countingQueries(() =>
        countGroupsForUsers(viewer, { UserNames: all.slice(0, 10) }),
      );
      const thousand = await countingQueries(() => countGroupsForUsers(viewer, { UserNames: all }));
      expect(Object.keys(ten.result.GroupCounts)).toHaveLength(5);
      expect(Object.keys(thousand.result.GroupCounts)).toHaveLength(500);
      expect(thousand.queries).toBe(ten.queries);
      expect(thousand.queries).toBeLessThanOrEqual(6);
    });
  });
});
