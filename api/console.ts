// Serves the built console (ui/dist). Unknown paths under the console get index.html so that deep links
// like /cases/msg:sms:SM123 work on reload.
import type { Middleware } from 'koa';
import { createReadStream, existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONSOLE_DIST = fileURLToPath(new URL('../ui/dist', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Paths that belong to the API, never to the console. */
const NOT_CONSOLE = /^\/(graphql|webhooks|emulator|chat|metrics|healthz|readyz)(\/|$)/;

export function serveConsole(dist = CONSOLE_DIST): Middleware {
  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || NOT_CONSOLE.test(ctx.path)) return next();
    const requested = path.normalize(path.join(dist, decodeURIComponent(ctx.path)));
    if (!requested.startsWith(dist)) return next();
    const isFile = await fs.stat(requested).then((s) => s.isFile(), () => false);
    const file = isFile ? requested : path.join(dist, 'index.html');
    if (!existsSync(file)) {
      ctx.status = 503;
      ctx.body = 'The console is not built yet: run `npm run build` (npm start does this for you).';
      return;
    }
    ctx.type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    // Hashed assets never change; index.html must always be fresh to pick up a new build.
    ctx.set('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    ctx.body = createReadStream(file);
  };
}
