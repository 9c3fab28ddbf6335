import type { Page } from 'playwright-core';

/**
 * On the identity provider's page, picks the test user shown under `name` (the buttons list synthetic test
 * users by name) and waits until the browser is back at Helsebro.
 * @param page - a page showing the identity provider's login
 * @param name - the test user's full name, e.g. "Kari Nordmann"
 */
export async function chooseTestUser(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Velg testbruker' }).waitFor();
  await page.getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}`) }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/idp') && !url.pathname.startsWith('/auth'));
}

/**
 * Logs in from the front page as a new visitor would: "Logg inn", then the test user.
 * @param page - any page of a fresh visitor
 * @param name - the test user's full name
 */
export async function logInFromLanding(page: Page, name: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Logg inn' }).click();
  await chooseTestUser(page, name);
}

/** Waits until the page's one h1 shows `text` (the app renders after its session request). */
export async function waitForHeading(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text }).waitFor();
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
