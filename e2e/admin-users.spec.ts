import { expect, test } from "@playwright/test";
import { createUserViaUi, fillSignIn, screenshot, setRolesViaUi, signIn, uniqueEmail } from "./support/journey";

test("an admin creates a user, changes their roles and disables them", async ({ page, browser }) => {
  const email = uniqueEmail("admin-users");
  const password = "admin-users-password-1";
  await signIn(page, "admin@assay.local");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Ada Admin admin@assay.local", exact: true })).toBeVisible();
  await screenshot(page, "users");

  // Bad input: every field says what is wrong, and nothing is created.
  await page.getByRole("button", { name: "New user" }).click();
  const dialog = page.getByRole("dialog", { name: "New user" });
  await dialog.getByLabel("Email").fill("not-an-email");
  await dialog.getByLabel("Initial password").fill("short");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog.getByText("Enter a valid email address.", { exact: true })).toBeVisible();
  await expect(dialog.getByText("Enter a name.", { exact: true })).toBeVisible();
  await expect(dialog.getByText("At least 12 characters.", { exact: true })).toBeVisible();
  // An empty checkbox group is marked invalid and described by its message.
  await expect(dialog.getByRole("group", { name: "Roles" })).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByRole("group", { name: "Roles" })).toHaveAccessibleDescription(/\S/);
  await expect(dialog.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByLabel("Email")).toHaveAccessibleDescription("Enter a valid email address.");
  await screenshot(page, "users-create-errors");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await createUserViaUi(page, { email, name: "Casey Created", password, roles: ["ml_engineer"] });
  await page.getByLabel("Filter users").fill(email);
  const row = page.getByRole("row", { name: new RegExp(email) });
  await expect(row).toHaveCount(1);
  await expect(row.getByText("ML engineer")).toBeVisible();
  await expect(row.getByText("Active")).toBeVisible();

  await setRolesViaUi(page, email, ["ops", "auditor"]);
  await page.getByLabel("Filter users").fill(email);
  await expect(row.getByText("Ops")).toBeVisible();
  await expect(row.getByText("Auditor")).toBeVisible();
  await expect(row.getByText("ML engineer")).toHaveCount(0);

  await row.getByRole("button", { name: `Disable ${email}` }).click();
  const confirm = page.getByRole("dialog", { name: "Disable user?" });
  await expect(confirm).toContainText("signed out everywhere");
  await confirm.getByRole("button", { name: "Disable user" }).click();
  await expect(page.getByText(`${email} is disabled.`)).toBeVisible();
  await expect(row.getByText("Disabled")).toBeVisible();

  // The disabled account is refused with the same answer as a wrong password.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await fillSignIn(otherPage, email, password);
  await expect(otherPage.getByText("Wrong email or password.")).toBeVisible();
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await other.close();
});
