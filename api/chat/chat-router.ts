// The customer-facing web chat: the page at /chat and its API under /chat/api. A visitor writes, sees
// "typing…" while their case is open, and receives the approved reply live over server-sent events.
import Router from '@koa/router';
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { Context } from 'koa';
import { CASE_EVENTS_CHANNEL, type CaseEvent } from '../../db/case-events.js';
import { logger } from '../../runtime/logger.js';
import { CONVERSATION_MESSAGES_CHANNEL } from '../../db/conversation-events.js';
import { startCase } from '../cases/start-case.js';
import type { ApiDeps } from '../deps.js';
import { BodyTooLargeError, readBody } from '../http/read-body.js';
import { webhookCounter } from '../../runtime/metrics.js';
import { WEBCHAT_BUSINESS_ADDRESS, chatThread, type ChatMessage } from './chat-thread.js';
import { serveChatPage } from './chat-page.js';
import { RateLimiter } from './rate-limiter.js';
import { storableText } from '../cases/storable-text.js';
import { VISITOR_COOKIE, VisitorCookies } from './visitor-cookie.js';

const MAX_TEXT = 2000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;
const KEEPALIVE_MS = 15_000;

export function chatRouter(deps: ApiDeps): Router {
  const router = new Router({ prefix: '/chat' });
  const cookies = new VisitorCookies(deps.orm);
  const perVisitor = new RateLimiter(10, 60_000);
  const perAddress = new RateLimiter(30, 60_000);

  async function visitor(ctx: Context, create: boolean): Promise<string | null> {
    const known = await cookies.verify(ctx.cookies.get(VISITOR_COOKIE));
    if (known || !create) return known;
    const issued = await cookies.issue();
    // ctx.secure follows X-Forwarded-Proto behind a TLS-terminating proxy (the app trusts its proxy).
    ctx.cookies.set(VISITOR_COOKIE, issued.cookie, { httpOnly: true, sameSite: 'lax', secure: ctx.secure, maxAge: 365 * 24 * 3600 * 1000, path: '/chat' });
    return issued.visitorId;
  }

  router.get('/', serveChatPage('index.html'));
  router.get('/assets/:file', (ctx) => serveChatPage(ctx.params.file!)(ctx));

  router.post('/api/messages', async (ctx) => {
    let input: { text?: unknown; email?: unknown; name?: unknown; clientMessageId?: unknown };
    try {
      input = JSON.parse(await readBody(ctx, 16 * 1024));
    } catch (error) {
      return fail(ctx, error instanceof BodyTooLargeError ? 413 : 400, error instanceof BodyTooLargeError ? 'message too large' : 'send JSON: {"text": "…"}');
    }
    // Valid JSON that is not an object (null, a list, a string) says nothing either.
    if (!input || typeof input !== 'object' || Array.isArray(input)) return fail(ctx, 400, 'send JSON: {"text": "…"}');
    // As stored: characters PostgreSQL cannot hold are gone before "is it empty?" is asked.
    const text = typeof input.text === 'string' ? storableText(input.text).trim() : '';
    if (!text) return fail(ctx, 400, 'Write a message first.');
    if (text.length > MAX_TEXT) return fail(ctx, 400, `A message is at most ${MAX_TEXT} characters.`);
    const email = typeof input.email === 'string' && input.email.trim() ? input.email.trim().toLowerCase() : undefined;
    if (email && !EMAIL.test(email)) return fail(ctx, 400, 'That email address does not look right: check it and send again.');
    const name = typeof input.name === 'string' ? input.name.trim().slice(0, 80) || undefined : undefined;
    const clientId = typeof input.clientMessageId === 'string' ? input.clientMessageId : undefined;
    if (clientId !== undefined && !CLIENT_ID.test(clientId)) return fail(ctx, 400, 'clientMessageId must be 8–64 letters, digits, - or _');

    const visitorId = (await visitor(ctx, true))!;
    const wait = Math.max(perVisitor.take(visitorId), perAddress.take(ctx.ip));
    if (wait > 0) {
      ctx.set('retry-after', String(Math.ceil(wait / 1000)));
      webhookCounter.inc({ kind: 'webchat', outcome: 'rate_limited' });
      return fail(ctx, 429, 'You are writing faster than we can read: wait a moment and send again.');
    }
    // The visitor's own id for the message makes a double submit one case, as a MessageSid does for Twilio.
    const started = await startCase(deps.temporal, deps.config, {
      channel: 'webchat',
      providerMessageId: `${visitorId.slice(0, 8)}-${clientId ?? randomUUID()}`,
      from: visitorId,
      to: WEBCHAT_BUSINESS_ADDRESS,
      body: text,
      receivedAt: new Date().toISOString(),
      ...(email ? { email } : {}),
      ...(name ? { profileName: name } : {}),
    });
    webhookCounter.inc({ kind: 'webchat', outcome: started.duplicate ? 'duplicate' : 'started' });
    ctx.status = started.duplicate ? 200 : 202;
    ctx.body = { caseId: started.caseId, duplicate: started.duplicate };
  });

  router.get('/api/messages', async (ctx) => {
    const visitorId = await visitor(ctx, false);
    const { messages, typing } = visitorId ? await chatThread(deps.orm.em.fork(), visitorId) : { messages: [], typing: false };
    ctx.set('cache-control', 'no-store');
    ctx.body = { messages, typing };
  });

  router.get('/api/events', async (ctx) => {
    const visitorId = await visitor(ctx, false);
    if (!visitorId) return fail(ctx, 401, 'no chat yet: send a message first');
    streamEvents(ctx, deps, visitorId);
  });

  return router;
}

function fail(ctx: Context, status: number, error: string): void {
  ctx.status = status;
  ctx.body = { error };
}

/** Server-sent events for one visitor: `message` for each new message, `typing` when it changes. */
function streamEvents(ctx: Context, deps: ApiDeps, visitorId: string): void {
  const stream = new PassThrough();
  const abort = new AbortController();
  ctx.set({ 'content-type': 'text/event-stream', 'cache-control': 'no-store', 'x-accel-buffering': 'no', connection: 'keep-alive' });
  ctx.status = 200;
  ctx.body = stream;
  // A read that finishes after the visitor left has nobody to tell: writing to the ended stream would fail it.
  const write = (text: string) => {
    if (!stream.writableEnded && !stream.destroyed) stream.write(text);
  };
  const send = (event: string, data: unknown) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const keepalive = setInterval(() => write(': keep-alive\n\n'), KEEPALIVE_MS);
  abort.signal.addEventListener('abort', () => {
    clearInterval(keepalive);
    stream.end();
  });
  // The visitor may have left while their cookie was checked: then 'close' has fired already.
  ctx.res.once('close', () => abort.abort());
  if (ctx.req.socket.destroyed) abort.abort();

  const seen = new Set<string>();
  // Unknown until the first read, so a (re)connecting page always learns the current state.
  let typing: boolean | undefined;
  // Every change re-reads the thread: cheap, and it can never skip a message or report a stale typing state.
  const refresh = async () => {
    const thread = await chatThread(deps.orm.em.fork(), visitorId);
    for (const message of thread.messages.filter((m: ChatMessage) => !seen.has(m.id))) {
      seen.add(message.id);
      send('message', message);
    }
    if (thread.typing !== typing) send('typing', { typing: (typing = thread.typing) });
    return thread.conversationId;
  };
  let conversationId: string | null = null;
  const replies = async () => {
    for await (const id of deps.caseEvents.listen<string>(CONVERSATION_MESSAGES_CHANNEL, abort.signal)) {
      if (!conversationId || id === conversationId) conversationId = await refresh();
    }
  };
  const cases = async () => {
    for await (const event of deps.caseEvents.listen<CaseEvent>(CASE_EVENTS_CHANNEL, abort.signal)) {
      // Until the visitor's first message is recorded their conversation is unknown: any web chat case may be it.
      const ours = conversationId ? event.conversationId === conversationId : event.caseId.startsWith('msg:webchat:');
      if (ours) conversationId = await refresh();
    }
  };
  const ended = (error: unknown) => {
    if ((error as Error).name !== 'AbortError') logger('web-chat').error({ err: error }, 'web chat event stream failed');
    abort.abort();
  };
  // Listening starts before the first read, so nothing that happens in between is missed.
  replies().catch(ended);
  cases().catch(ended);
  refresh().then((id) => { conversationId = id; }, ended);
}
