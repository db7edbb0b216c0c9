import { expect, test, type Locator } from "@playwright/test";
import { expectAccessible, policyDocument, signInAsRoot, strongbox, uniqueName } from "./support";

// "Set permissions boundary - optional" in the create user and create role wizards: the new
// identity is created with the boundary (CreateUser / CreateRole's PermissionsBoundary).

const READ_WRITE = "arn:aws:iam::aws:policy/SecretsManagerReadWrite";

async function boundaryOf(kind: "user" | "role", name: string): Promise<string | undefined> {
  const result = (await strongbox("iam", `get-${kind}`, `--${kind}-name`, name)) as Record<
    string,
    { PermissionsBoundary?: { PermissionsBoundaryArn: string } }
  >;
  return result[kind === "user" ? "User" : "Role"].PermissionsBoundary?.PermissionsBoundaryArn;
}

/** Ticks a policy in the boundary section's picker (filtered by type, then searched). */
async function pickBoundary(section: Locator, type: string, policyName: string) {
  await section.getByRole("combobox", { name: "Filter: Policy type" }).click();
  await section.page().getByRole("option", { name: type, exact: true }).click();
  await section.getByRole("searchbox", { name: "Search policies" }).fill(policyName);
  await section.getByRole("checkbox", { name: policyName, exact: true }).check();
}

test("creates a user with a permissions boundary", async ({ page }) => {
  const userName = uniqueName("bounded-new");
  await signInAsRoot(page);
  await page.goto("/iam/users/create");
  await page.getByLabel("User name").fill(userName);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Set permissions", level: 1 })).toBeVisible();

  const section = page.getByRole("region", { name: "Set permissions boundary - optional" });
  await expect(
    section.getByRole("radio", { name: "Create user without a permissions boundary" }),
  ).toBeChecked();
  await section
    .getByRole("radio", {
      name: "Use a permissions boundary to control the maximum user permissions",
    })
    .check();
  // Chosen to use one, but no policy yet: Next stays on the step.
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(
    section.getByText("Choose a policy to use as the permissions boundary."),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Set permissions", level: 1 })).toBeVisible();

  await expect(section.getByText("Loading policies")).toBeHidden({ timeout: 30_000 });
  // One policy at a time: the second ticked replaces the first.
  await pickBoundary(section, "AWS managed", "IAMReadOnlyAccess");
  await pickBoundary(section, "AWS managed", "SecretsManagerReadWrite");
  await section.getByRole("searchbox", { name: "Search policies" }).fill("IAMReadOnlyAccess");
  await expect(
    section.getByRole("checkbox", { name: "IAMReadOnlyAccess", exact: true }),
  ).not.toBeChecked();
  await expect(section.getByText("Choose a policy to use")).toHaveCount(0);
  await expectAccessible(page, "create user: permissions boundary");
  await page.getByRole("button", { name: "Next", exact: true }).click();

  await expect(page.getByRole("heading", { name: "Review and create", level: 1 })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Permissions boundary" })).toHaveText(
    "SecretsManagerReadWrite Permissions boundary",
  );
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText("User created successfully")).toBeVisible();
  expect(await boundaryOf("user", userName)).toBe(READ_WRITE);

  await page.getByRole("link", { name: "View user" }).click();
  await expect(page.getByText("Permissions boundary (set)")).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Permissions boundary" }).getByRole("link", {
      name: "SecretsManagerReadWrite",
    }),
  ).toBeVisible();
});

test("creates a role with a customer managed permissions boundary", async ({ page }) => {
  const roleName = uniqueName("bounded-new-role");
  const policyName = uniqueName("RoleCeiling");
  const { Policy } = (await strongbox(
    "iam",
    "create-policy",
    "--policy-name",
    policyName,
    "--policy-document",
    policyDocument({ Effect: "Allow", Action: "secretsmanager:ListSecrets", Resource: "*" }),
  )) as { Policy: { Arn: string } };

  await signInAsRoot(page);
  await page.goto("/iam/roles/create");
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Add permissions", level: 1 })).toBeVisible();
  const section = page.getByRole("region", { name: "Set permissions boundary - optional" });
  await section
    .getByRole("radio", {
      name: "Use a permissions boundary to control the maximum role permissions",
    })
    .check();
  await expect(section.getByText("Loading policies")).toBeHidden({ timeout: 30_000 });
  await pickBoundary(section, "Customer managed", policyName);
  await expectAccessible(page, "create role: permissions boundary");
  await page.getByRole("button", { name: "Next", exact: true }).click();

  await page.getByLabel("Role name").fill(roleName);
  await expect(page.getByText(Policy.Arn, { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByText(`Role ${roleName} created.`)).toBeVisible();
  expect(await boundaryOf("role", roleName)).toBe(Policy.Arn);

  await expect(page.getByRole("heading", { name: roleName, level: 1 })).toBeVisible();
  await expect(page.getByText("Permissions boundary (set)")).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Permissions boundary" }).getByRole("link", {
      name: policyName,
    }),
  ).toBeVisible();
});
