import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, newVisitor } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

const RESULTS = fileURLToPath(new URL('../../.test-results/e2e', import.meta.url));

export type Visitor = { page: Page; context: BrowserContext; problems: string[] };

export type Journey = {
  readonly baseUrl: string;
  /**
   * Runs `steps` as a new visitor (own cookies and storage). On failure it saves a screenshot under
   * .test-results/e2e/ and adds the end of the server's output to the error.
   * @param name - names the screenshot
   * @param viewport - screen size
   * @param steps - what the visitor does
   */
  visit(name: string, viewport: { width: number; height: number }, steps: (v: Visitor) => Promise<void>): Promise<void>;
  /**
   * With `clockStart`: what the server's clock reads now (epoch milliseconds), at most the few milliseconds it took
   * to spawn the server process ahead of it; the browsers' clocks are set from it. Without: the real time.
   */
  clockNow(): number;
};

/**
 * Starts a fresh server (own temporary store, demo data) and Chromium before the file's tests and stops both
 * after. Call once at the top of a journey file.
 * @param env - extra environment for the server, e.g. a shorter REAUTH_MAX_AGE_MINUTES; read when the server
 *   starts, so a `before` registered earlier may still fill it in (an SMTP server's port)
 * @param opts - `inspectStore` runs after the server has stopped, on its data directory (PGlite in `pglite/`), to
 *   check what the journeys left in the database; a failure there fails the file. `clockStart` runs the server and
 *   every visitor's browser on a set clock: the server with DEV_CLOCK_START (it reads that instant when its process
 *   starts, then runs on in real time), each browser context from the same instant plus the time since then
 *   (Playwright's clock), so a journey happens on a chosen day and hour whatever the real date
 */
export function useJourney(
  env: Record<string, string> = {},
  opts: { inspectStore?: (dataDir: string) => Promise<void>; clockStart?: Date } = {},
): Journey {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  // The real time just before the server process was spawned: its clock read clockStart at a moment after this.
  let spawnedAt = 0;
  const clockNow = () => (opts.clockStart ? opts.clockStart.getTime() + (Date.now() - spawnedAt) : Date.now());

  before(async () => {
    const serverEnv = opts.clockStart ? { ...env, DEV_CLOCK_START: opts.clockStart.toISOString() } : env;
    spawnedAt = Date.now();
    const [s, b] = await Promise.allSettled([startServer(serverEnv), launchBrowser()]);
    server = s.status === 'fulfilled' ? s.value : undefined;
    browser = b.status === 'fulfilled' ? b.value : undefined;
    if (s.status === 'rejected' || b.status === 'rejected') {
      await browser?.close();
      await server?.stop();
      throw s.status === 'rejected' ? s.reason : (b as PromiseRejectedResult).reason;
    }
  });
  after(async () => {
    await browser?.close();
    if (!server || !opts.inspectStore) {
      await server?.stop();
      return;
    }
    await server.stop({ keepData: true });
    try {
      await opts.inspectStore(server.dataDir);
    } finally {
      await rm(server.dataDir, { recursive: true, force: true });
    }
  });

  const ready = () => {
    if (!server || !browser) {
      throw new Error('The journey has not started (before() failed?)');
    }
    return { server, browser };
  };

  return {
    get baseUrl() {
      return ready().server.baseUrl;
    },
    clockNow,
    async visit(name, viewport = DESKTOP, steps) {
      const { server: srv, browser: chromium } = ready();
      const visitor = await newVisitor(chromium, srv.baseUrl, viewport, opts.clockStart ? { clockAt: clockNow() } : {});
      try {
        await steps(visitor);
      } catch (err) {
        await mkdir(RESULTS, { recursive: true });
        const shot = join(RESULTS, `${name.replace(/\W+/g, '-')}.png`);
        await visitor.page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
        if (err instanceof Error) {
          err.message += `\n  at ${visitor.page.url()} (screenshot: ${shot})\n  server output:\n${srv.output().slice(-3000)}`;
        }
        throw err;
      } finally {
        await visitor.context.close();
      }
    },
  };
}
