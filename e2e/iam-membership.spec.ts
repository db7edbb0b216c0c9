import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, policyDocument, signInAsRoot, strongbox, uniqueName } from "./support";

// Group membership from both sides, as AWS's console offers it ("Add users" on a group's Users
// tab, "Add user to groups" on a user's Groups tab), and deleting from the IAM list pages.

async function groupsOf(userName: string): Promise<string[]> {
  const { Groups } = (await strongbox("iam", "list-groups-for-user", "--user-name", userName)) as {
    Groups: { GroupName: string }[];
  };
  return Groups.map((g) => g.GroupName).sort();
}

async function membersOf(groupName: string): Promise<string[]> {
  const { Users } = (await strongbox("iam", "get-group", "--group-name", groupName)) as {
    Users: { UserName: string }[];
  };
  return Users.map((u) => u.UserName).sort();
}

/** Whether IAM still has the entity (get-user, get-group, get-role fail with NoSuchEntity). */
async function exists(kind: "user" | "group" | "role", name: string): Promise<boolean> {
  try {
    await strongbox("iam", `get-${kind}`, `--${kind}-name`, name);
    return true;
  } catch (error) {
    expect(String((error as { stderr?: unknown }).stderr)).toContain("NoSuchEntity");
    return false;
  }
}

test("adds users to a group from the group's Users tab", async ({ page }) => {
  const group = uniqueName("engineers");
  const [alice, bob, carol] = [uniqueName("alice"), uniqueName("bob"), uniqueName("carol")];
  await strongbox("iam", "create-group", "--group-name", group);
  for (const user of [alice, bob, carol])
    await strongbox("iam", "create-user", "--user-name", user);
  await strongbox("iam", "add-user-to-group", "--group-name", group, "--user-name", carol);

  await signInAsRoot(page);
  await page.goto(`/iam/groups/details/${group}`);
  await expect(page.getByRole("tab", { name: "Users (1)" })).toBeVisible();
  await page.getByRole("button", { name: "Add users", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Add users to ${group}` });
  await expect(dialog.getByText("The users get the group's permissions at once.")).toBeVisible();
  // A member already in the group shows checked and can't be picked again.
  await dialog.getByRole("searchbox", { name: "Search users" }).fill(carol);
  await expect(dialog.getByRole("checkbox", { name: carol })).toBeChecked();
  await expect(dialog.getByRole("checkbox", { name: carol })).toBeDisabled();
  await expect(dialog.getByRole("button", { name: "Add users" })).toBeDisabled();
  for (const user of [alice, bob]) {
    await dialog.getByRole("searchbox", { name: "Search users" }).fill(user);
    await dialog.getByRole("checkbox", { name: user }).check();
  }
  await expectAccessible(page, "add users to group");
  await dialog.getByRole("button", { name: "Add users" }).click();
  await expect(page.getByText(`${alice}, ${bob} added to ${group}.`)).toBeVisible();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole("tab", { name: "Users (3)" })).toBeVisible();
  const members = page.getByRole("table", { name: "Users in this group" });
  for (const user of [alice, bob, carol]) {
    await expect(members.getByRole("link", { name: user, exact: true })).toBeVisible();
  }
  expect(await membersOf(group)).toEqual([alice, bob, carol].sort());

  // The other side shows the same membership: the user's Groups tab.
  await page.goto(`/iam/users/details/${alice}?tab=groups`);
  await expect(
    page.getByRole("table", { name: "Groups" }).getByRole("link", { name: group, exact: true }),
  ).toBeVisible();
});

test("adds a user to groups from the user's Groups tab, with IAM's refusal in place", async ({
  page,
}) => {
  const user = uniqueName("dana");
  const [readers, writers, auditors, gone] = ["readers", "writers", "auditors", "gone"].map(
    uniqueName,
  );
  await strongbox("iam", "create-user", "--user-name", user);
  for (const group of [readers, writers, auditors, gone]) {
    await strongbox("iam", "create-group", "--group-name", group);
  }
  await strongbox("iam", "add-user-to-group", "--group-name", auditors, "--user-name", user);

  await signInAsRoot(page);
  await page.goto(`/iam/users/details/${user}?tab=groups`);
  const groups = page.getByRole("table", { name: "Groups" });
  await expect(groups.getByRole("link", { name: auditors, exact: true })).toBeVisible();

  const open = async () => {
    await page.getByRole("button", { name: "Add user to groups" }).click();
    const dialog = page.getByRole("dialog", { name: `Add ${user} to groups` });
    await expect(
      dialog.getByText("The user gets the permissions of the groups you choose."),
    ).toBeVisible();
    return dialog;
  };
  const pick = async (dialog: ReturnType<Page["getByRole"]>, group: string) => {
    await dialog.getByRole("searchbox", { name: "Search groups" }).fill(group);
    await dialog.getByRole("checkbox", { name: group }).check();
  };

  // A group deleted after the dialog listed it: IAM's NoSuchEntity shows in the dialog, which
  // stays open (its list may already have dropped the group).
  let dialog = await open();
  await pick(dialog, gone);
  await strongbox("iam", "delete-group", "--group-name", gone);
  await dialog.getByRole("button", { name: "Add to groups" }).click();
  await expect(
    dialog.getByText(`Group ${gone}: The group with name ${gone} cannot be found.`),
  ).toBeVisible();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  // Opened again: nothing chosen, no error; the group it is in shows as already a member.
  dialog = await open();
  await expect(dialog.getByText(/cannot be found/)).toHaveCount(0);
  await expect(dialog.getByRole("button", { name: "Add to groups" })).toBeDisabled();
  await dialog.getByRole("searchbox", { name: "Search groups" }).fill(auditors);
  await expect(dialog.getByRole("checkbox", { name: auditors })).toBeChecked();
  await expect(dialog.getByRole("checkbox", { name: auditors })).toBeDisabled();
  await expect(dialog.getByText("(already a member)")).toBeVisible();
  await pick(dialog, readers);
  await pick(dialog, writers);
  await expectAccessible(page, "add user to groups");
  await dialog.getByRole("button", { name: "Add to groups" }).click();
  await expect(page.getByText(`${user} was added to ${readers}, ${writers}.`)).toBeVisible();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole("tab", { name: "Groups (3)" })).toBeVisible();
  for (const group of [readers, writers, auditors]) {
    await expect(groups.getByRole("link", { name: group, exact: true })).toBeVisible();
  }
  expect(await groupsOf(user)).toEqual([readers, writers, auditors].sort());

  // The group's page lists the user among its members.
  await page.goto(`/iam/groups/details/${readers}`);
  await expect(
    page
      .getByRole("table", { name: "Users in this group" })
      .getByRole("link", { name: user, exact: true }),
  ).toBeVisible();
});

for (const { kind, list, title } of [
  { kind: "user", list: "/iam/users", title: "Users" },
  { kind: "group", list: "/iam/groups", title: "User groups" },
  { kind: "role", list: "/iam/roles", title: "Roles" },
] as const) {
  test(`deletes the selected ${kind}s from the ${title} list`, async ({ page }) => {
    const prefix = uniqueName(`doomed-${kind}`);
    const [first, second, kept] = [`${prefix}-a`, `${prefix}-b`, `${prefix}-kept`];
    for (const name of [first, second, kept]) {
      if (kind === "role") {
        await strongbox(
          "iam",
          "create-role",
          "--role-name",
          name,
          "--assume-role-policy-document",
          policyDocument({
            Effect: "Allow",
            Principal: { Service: "lambda.amazonaws.com" },
            Action: "sts:AssumeRole",
          }),
        );
      } else {
        await strongbox("iam", `create-${kind}`, `--${kind}-name`, name);
      }
    }
    // Something IAM makes the console remove first: a group member, a role policy.
    if (kind === "group") {
      const member = uniqueName("member");
      await strongbox("iam", "create-user", "--user-name", member);
      await strongbox("iam", "add-user-to-group", "--group-name", first, "--user-name", member);
    }
    if (kind === "role") {
      await strongbox(
        "iam",
        "attach-role-policy",
        "--role-name",
        first,
        "--policy-arn",
        "arn:aws:iam::aws:policy/SecretsManagerReadWrite",
      );
    }

    await signInAsRoot(page);
    await page.goto(list);
    const table = page.getByRole("table", { name: title });
    await page.getByRole("searchbox", { name: `Search ${kind}s` }).fill(prefix);
    for (const name of [first, second, kept]) {
      await expect(table.getByRole("link", { name, exact: true })).toBeVisible();
    }
    const remove = page.getByRole("button", { name: "Delete", exact: true });
    await expect(remove).toBeDisabled();
    await table.getByRole("checkbox", { name: first, exact: true }).check();
    await table.getByRole("checkbox", { name: second, exact: true }).check();
    await remove.click();

    const dialog = page.getByRole("dialog", { name: `Delete 2 ${kind}s?` });
    await expect(dialog.getByText(first, { exact: true })).toBeVisible();
    await expect(dialog.getByText(second, { exact: true })).toBeVisible();
    const confirm = dialog.getByRole("button", { name: "Delete", exact: true });
    await expect(confirm).toBeDisabled();
    await dialog.getByRole("textbox").fill("delete");
    await expectAccessible(page, `delete ${kind}s`);
    await confirm.click();
    await expect(page.getByText(`Deleted ${first}, ${second}.`)).toBeVisible();
    await expect(dialog).toBeHidden();

    await expect(table.getByRole("link", { name: first, exact: true })).toHaveCount(0);
    await expect(table.getByRole("link", { name: second, exact: true })).toHaveCount(0);
    await expect(table.getByRole("link", { name: kept, exact: true })).toBeVisible();
    await expect(remove).toBeDisabled();
    expect(await exists(kind, first)).toBe(false);
    expect(await exists(kind, second)).toBe(false);
    expect(await exists(kind, kept)).toBe(true);
  });
}
