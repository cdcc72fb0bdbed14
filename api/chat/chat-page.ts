// Serves the customer-facing chat page and its assets from api/chat/page: plain files, no build step, so the
// page loads fast on a customer's phone and works even before the console is built.
import type { Context } from 'koa';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PAGE_DIR = fileURLToPath(new URL('./page', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

export function serveChatPage(file: string) {
  return async (ctx: Context): Promise<void> => {
    const resolved = path.join(PAGE_DIR, path.basename(file));
    const type = TYPES[path.extname(resolved)];
    if (!type || !(await fs.stat(resolved).then((s) => s.isFile(), () => false))) {
      ctx.status = 404;
      return;
    }
    ctx.type = type;
    ctx.set('cache-control', 'no-cache');
    ctx.body = createReadStream(resolved);
  };
}
