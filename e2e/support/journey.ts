import type { Locator, Page } from 'playwright-core';

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

/** The document's language, as `<html lang>` says. */
export async function htmlLang(page: Page): Promise<string | null> {
  return page.getAttribute('html', 'lang');
}

/** The path (and query) the page is on. */
export function pathOf(page: Page): string {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}

/**
 * Presses Tab until the focused element's accessible text matches `name`, as a keyboard user would.
 * @param page - the page
 * @param name - the control's visible text
 * @param limit - how many Tabs to try before failing
 */
export async function tabTo(page: Page, name: string | RegExp, limit = 30): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (typeof name === 'string' ? text === name : name.test(text)) {
      return;
    }
  }
  throw new Error(`No control named ${String(name)} within ${limit} Tab presses`);
}

/**
 * Waits until no CSS animation or transition is running (a dialog fading in), so what axe measures is what the
 * user sees once it has settled.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

/**
 * Waits until `locator` matches exactly `n` elements, then returns n. A paged or searched list keeps the previous
 * rows on screen while the next page loads (placeholder data), so a count taken at once can be the old one.
 */
export async function waitForCount(locator: Locator, n: number, timeout = 10_000): Promise<number> {
  const until = Date.now() + timeout;
  let count = await locator.count();
  while (count !== n && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    count = await locator.count();
  }
  return count;
}

/**
 * On a phone the citizen's header keeps who is logged in, the language and "Logg ut" behind "Meny" (issue 15);
 * opens it when it is there and closed, and does nothing on a wide screen.
 */
export async function openHeaderMenu(page: Page): Promise<void> {
  const menu = page.getByRole('banner').getByRole('button', { name: /^(Meny|Menu)$/ });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) === 'false') {
    await menu.click();
  }
}
