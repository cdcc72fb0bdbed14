// Koa middleware in front of Yoga (wired in api/app.ts): a POST /graphql body is read here, up to
// MAX_BODY_BYTES, so an oversized one is refused with 413 before Yoga buffers or parses anything.
import type { Context, Next } from 'koa';
import type { IncomingMessage } from 'node:http';
import { MAX_BODY_BYTES } from './limits.js';

/** whatwg-node (under yoga.handleNodeRequestAndResponse) uses a Node request's `body`, when one is set,
 *  instead of reading the stream — which by then this middleware has consumed. */
type BufferedRequest = IncomingMessage & { body?: Buffer };

/** The bytes of the body, or null as soon as there are more than `limit`. */
async function readUpTo(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function limitGraphQLBody(limit = MAX_BODY_BYTES) {
  return async (ctx: Context, next: Next) => {
    if (ctx.path !== '/graphql' || ctx.method !== 'POST') return next();
    // Content-Length refuses the honest client at once; counting covers chunked bodies and liars.
    const body = Number(ctx.get('content-length') || 0) > limit ? null : await readUpTo(ctx.req, limit);
    if (!body) {
      ctx.status = 413;
      // The rest of the body is never read: the connection cannot carry another request, so it ends here
      // (kept open, a client would queue its next request behind bytes nobody reads).
      ctx.set('connection', 'close');
      ctx.body = `GraphQL request bodies are limited to ${Math.round(limit / 1024)} KB`;
      return;
    }
    (ctx.req as BufferedRequest).body = body;
    return next();
  };
}
