import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}

/**
 * A fresh browser context (own cookies and storage) and page, as a new visitor on a phone-sized or desktop
 * screen. Page errors and failed same-origin requests are collected so a journey can assert there were none.
 * @param browser - the launched browser
 * @param baseUrl - the server's address; relative `goto` paths resolve against it
 * @param viewport - screen size, the desktop size by default
 * @param opts - `clockAt`: the pages' clock starts at this instant (epoch milliseconds) and runs on in real time
 *   (Playwright's clock), to match a server started with DEV_CLOCK_START; the real time when absent
 */
export async function newVisitor(
  browser: Browser,
  baseUrl: string,
  viewport = DESKTOP,
  opts: { clockAt?: number } = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'nb-NO' });
  if (opts.clockAt !== undefined) {
    // Before the first page, so the app never sees the real date.
    await context.clock.install({ time: opts.clockAt });
  }
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) {
      problems.push(`console error: ${msg.text()}`);
    }
  });
  page.on('response', (res) => {
    if (res.url().startsWith(baseUrl) && res.status() >= 500) {
      problems.push(`${res.status()} from ${res.url()}`);
    }
  });
  return { context, page, problems };
}
