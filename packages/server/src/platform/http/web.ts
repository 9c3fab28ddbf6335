import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';

export type WebOptions = {
  /** The built web app (`vite build` output); defaults to packages/web/dist. */
  distDir?: string;
};

/** Paths the server owns: never answered with the web app, so an unknown one stays a problem+json 404. */
const SERVER_PREFIXES = ['/api', '/auth', '/idp', '/health', '/ready', '/edi'];

const DEFAULT_DIST = fileURLToPath(new URL('../../../../web/dist', import.meta.url));

const NOT_BUILT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Helsebro – web app not built</title></head>
<body>
<h1>The Helsebro web app is not built</h1>
<p>The server is running, but it has no web app to show. Run <code>npm run build</code> in the repository, then reload this page.</p>
</body>
</html>
`;

/** A top-level file name in dist (favicon.svg, robots.txt), never a path that climbs out of it. */
const ROOT_FILE = /^\/[A-Za-z0-9][A-Za-z0-9._-]*\.[A-Za-z0-9]+$/;

/**
 * Serves the built web app: hashed files under /assets with a year of immutable caching, top-level files
 * from dist, and index.html for every other GET that accepts HTML (the app routes in the browser). Server
 * paths (/api, /auth, …) and requests that do not accept HTML fall through to the problem+json 404.
 * Register it last, so every module's routes take precedence.
 */
export const webPlugin: FastifyPluginAsync<WebOptions> = async (app, opts) => {
  const dist = opts.distDir ?? DEFAULT_DIST;

  await app.register(fastifyStatic, {
    root: join(dist, 'assets'),
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    index: false,
    redirect: false,
    suppressWarning: true,
  });

  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    if (isServerPath(path)) {
      return reply.callNotFound();
    }
    if (ROOT_FILE.test(path) && path !== '/index.html' && (await isFile(join(dist, path)))) {
      return reply.header('cache-control', 'public, max-age=3600').sendFile(path.slice(1), dist);
    }
    if (!acceptsHtml(req)) {
      return reply.callNotFound();
    }
    return sendIndex(reply, dist);
  });
};

function isServerPath(path: string): boolean {
  return SERVER_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
}

function acceptsHtml(req: FastifyRequest): boolean {
  const accept = req.headers.accept;
  return typeof accept === 'string' && accept.includes('text/html');
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function sendIndex(reply: FastifyReply, dist: string): Promise<FastifyReply> {
  let html: string;
  try {
    html = await readFile(join(dist, 'index.html'), 'utf8');
  } catch {
    return reply.code(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT);
  }
  // The page names its hashed assets, so it must be revalidated on every load to pick up a new build.
  return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
}
