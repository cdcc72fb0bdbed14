// Every streamed response body (GraphQL subscriptions, web-chat events, audit exports, handset events) is
// torn down by whoever hangs up first: a phone losing signal, a tab closing mid-export. Tearing down a stream
// can itself fail, and a stream that emits 'error' with nobody listening ends the whole Node process (and
// with it every webhook Twilio sends meanwhile). These helpers make a stream's failure that stream's alone.
import type { Middleware } from 'koa';
import { Readable } from 'node:stream';
import { logger } from '../../runtime/logger.js';

const log = logger('api');

/** Codes of a client that went away; not worth a log line. */
const HUNG_UP = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'EPIPE', 'ERR_STREAM_DESTROYED', 'ABORT_ERR']);

export function isHangUp(error: unknown): boolean {
  const { code, name } = (error ?? {}) as { code?: string; name?: string };
  return (code !== undefined && HUNG_UP.has(code)) || name === 'AbortError';
}

/**
 * A fetch-API body (what graphql-yoga answers with) as a Node stream whose teardown never throws.
 *
 * Yoga 5.24's SSE and multipart processors create their iterator in the stream's start(), which the Node
 * ponyfill runs on the first read; a client that hangs up before that makes cancel() read `iterator.return`
 * of undefined, and the TypeError surfaces as an unhandled 'error' from Readable._destroy. Taking the reader
 * at once puts a listener on the inner stream, so that failure becomes a rejected cancel() we swallow here.
 */
export function nodeStreamOf(body: ReadableStream<Uint8Array>): Readable {
  const reader = body.getReader();
  const stream = new Readable({
    read() {
      reader.read().then(
        ({ done, value }) => this.push(done ? null : value),
        (error: unknown) => this.destroy(error as Error),
      );
    },
    destroy(error, callback) {
      // The client is gone or the source failed: either way the source is released, and its own failure to
      // release is logged, never passed on.
      Promise.resolve()
        .then(() => reader.cancel(error ?? undefined))
        .catch((cancelError: unknown) => log.warn({ err: cancelError }, 'a streamed GraphQL response failed to close'))
        .finally(() => callback(error && !isHangUp(error) ? error : null));
    },
  });
  return stream;
}

/**
 * Outermost guard for streamed bodies: whatever a route streams gets an 'error' listener before Koa pipes it,
 * so a stream destroyed before piping starts (its client left while the route was still working) or one that
 * fails mid-way costs that response only.
 */
export function containStreamErrors(): Middleware {
  return async (ctx, next) => {
    await next();
    const body = ctx.body as { on?: unknown; pipe?: unknown } | null;
    if (body && typeof body.on === 'function' && typeof body.pipe === 'function') {
      const path = ctx.path;
      (body as Readable).on('error', (error: unknown) => {
        if (!isHangUp(error)) log.warn({ path, err: error }, 'a streamed response failed');
      });
    }
  };
}
