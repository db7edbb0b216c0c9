import { expect, test } from "@playwright/test";
import { createIamUser, newPassword, signInAsRoot, uniqueName } from "./support";

test("an IAM user's wrong password is refused; the audit log shows what the user was denied", async ({
  page,
}) => {
  const userName = uniqueName("auditee");
  const password = newPassword();
  const { accountId, arn } = await createIamUser(userName, password);

  const signInPage = await page.goto("/signin");
  // Scripts run only with this response's nonce; the console can't be framed.
  const csp = signInPage?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  await page.getByRole("radio", { name: "IAM user" }).check();
  await page.getByLabel("Account ID (12 digits) or account alias").fill(accountId);
  await page.getByLabel("IAM user name").fill(userName);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByText("Your authentication information is incorrect. Please try again."),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);

  // The right password signs in; the user has no policies, so IAM refuses it.
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/secrets$/);
  const usersPage = await page.goto("/iam/users");
  expect(usersPage?.headers()["cache-control"]).toBe("no-store");
  await expect(
    page.getByText(`User: ${arn} is not authorized to perform: iam:ListUsers`, { exact: false }),
  ).toBeVisible();

  // The root user finds the denied call in the audit log.
  await page.context().clearCookies();
  await signInAsRoot(page);
  await page.goto("/audit");
  await page.getByLabel("Principal ARN").fill(arn);
  await page.getByRole("combobox", { name: "Decision" }).click();
  await page.getByRole("option", { name: "Denied" }).click();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/decision=denied/);
  const events = page.getByRole("table", { name: "Events" });
  const row = events.getByRole("row", { name: /iam:ListUsers/ }).first();
  await expect(row).toBeVisible();
  await expect(row).toContainText("Denied");
  await expect(row).toContainText("AccessDeniedException");
  await row.getByRole("button", { name: /^Expand iam:ListUsers/ }).click();
  await expect(events.getByText("is not authorized to perform: iam:ListUsers")).toBeVisible();

  // The export carries the same events as JSON Lines.
  const exported = await page.request.get(
    `/api/audit/export?principal=${encodeURIComponent(arn)}&decision=denied`,
  );
  expect(exported.headers()["content-type"]).toContain("application/x-ndjson");
  expect(exported.headers()["cache-control"]).toBe("no-store");
  const lines = (await exported.text())
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  expect(lines.some((e) => e.Action === "iam:ListUsers" && e.PrincipalArn === arn)).toBeTruthy();
});
