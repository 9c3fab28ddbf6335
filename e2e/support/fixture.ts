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
};

/**
 * Starts a fresh server (own temporary store, demo data) and Chromium before the file's tests and stops both
 * after. Call once at the top of a journey file.
 * @param env - extra environment for the server, e.g. a shorter REAUTH_MAX_AGE_MINUTES; read when the server
 *   starts, so a `before` registered earlier may still fill it in (an SMTP server's port)
 * @param opts - `inspectStore` runs after the server has stopped, on its data directory (PGlite in `pglite/`), to
 *   check what the journeys left in the database; a failure there fails the file
 */
export function useJourney(
  env: Record<string, string> = {},
  opts: { inspectStore?: (dataDir: string) => Promise<void> } = {},
): Journey {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  before(async () => {
    const [s, b] = await Promise.allSettled([startServer(env), launchBrowser()]);
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
    async visit(name, viewport = DESKTOP, steps) {
      const { server: srv, browser: chromium } = ready();
      const visitor = await newVisitor(chromium, srv.baseUrl, viewport);
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
