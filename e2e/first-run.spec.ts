import { expect, test } from "@playwright/test";
import { ROOT } from "./support";

// Runs before every other spec (the "first-run" project in playwright.config.ts): the server starts
// on a fresh data folder, so the first visit meets setup and creates the root user the rest use.
test("sets up the root user on first run", async ({ page }) => {
  await page.goto("/secrets");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up Strongbox" })).toBeVisible();

  await page.getByLabel("Root user email address").fill(ROOT.email);
  await page.getByLabel("Root user password", { exact: true }).fill(ROOT.password);
  await page.getByLabel("Confirm root user password").fill(`${ROOT.password}-typo`);
  await page.getByRole("button", { name: "Create root user" }).click();
  await expect(page.getByText("The passwords don't match.")).toBeVisible();

  await page.getByLabel("Confirm root user password").fill(ROOT.password);
  await page.getByRole("button", { name: "Create root user" }).click();
  await expect(page).toHaveURL(/\/secrets$/);
  await expect(page.getByRole("heading", { name: "Secrets", exact: true })).toBeVisible();

  // Setup is a one-time door.
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/secrets$/);
});
