import { expect, test } from "@playwright/test";
import {
  createUserViaUi,
  expectedNavigation,
  mainNavigation,
  newSignedInPage,
  screenshot,
  setRolesViaUi,
  signIn,
  uniqueEmail,
} from "./support/journey";

test("removing a role takes effect on the user's next request", async ({ page: adminPage, browser }) => {
  const email = uniqueEmail("role-removal");
  const password = "role-removal-password-1";
  await signIn(adminPage, "admin@assay.local");
  await createUserViaUi(adminPage, { email, name: "Riley Removal", password, roles: ["admin"] });

  // The new admin, at another computer, can open the Users section.
  const userPage = await newSignedInPage(browser, email, password);
  await expect(mainNavigation(userPage)).toHaveText(expectedNavigation(["admin"]));
  await mainNavigation(userPage).getByText("Users", { exact: true }).click();
  await expect(userPage.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();

  await setRolesViaUi(adminPage, email, ["auditor"]);

  // Same session cookie, next request: the section is gone and its URL answers 403.
  await userPage.reload();
  await expect(userPage.getByRole("heading", { name: "You don't have access to this section" })).toBeVisible();
  await expect(mainNavigation(userPage)).toHaveText(expectedNavigation(["auditor"]));
  await expect(userPage.getByText(/Your roles do not include access to Users/)).toBeVisible();
  await screenshot(userPage, "403");

  const response = await userPage.goto("/settings/api-keys");
  expect(response?.status()).toBe(403);
  await expect(userPage.getByRole("heading", { name: "You don't have access to this section" })).toBeVisible();

  await userPage.getByRole("link", { name: "Back to home" }).click();
  await expect(userPage.getByRole("heading", { name: /^Welcome, Riley/ })).toBeVisible();
  await userPage.context().close();
});
