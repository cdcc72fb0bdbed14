// buildApp(deps): the whole HTTP surface on one Koa app. Listening happens in api/main.ts (or a test).
import Koa from 'koa';
import { auditExportRouter } from './audit/audit-export-router.js';
import { chatRouter } from './chat/chat-router.js';
import { serveConsole } from './console.js';
import type { ApiDeps } from './deps.js';
import { EmulatorCarrier } from './emulator/twilio-delivery.js';
import { twilioEmulatorRouter } from './emulator/twilio-emulator.js';
import { limitGraphQLBody } from './graphql/hardening/body-limit.middleware.js';
import { buildYoga } from './graphql/yoga.js';
import { healthRouter } from './health.js';
import { containStreamErrors, isHangUp, nodeStreamOf } from './http/response-streams.js';
import { securityHeaders } from './http/security-headers.js';
import { RETRY_AFTER_SECONDS, unavailableMessage, unavailableService } from './http/unavailable.js';
import { logger } from '../runtime/logger.js';
import { httpRequests, registry } from '../runtime/metrics.js';
import { inServerSpan } from '../runtime/tracing.js';
import { countQueueDepthIn } from './queue-depth.metric.js';
import { twilioWebhookRouter } from './webhooks/twilio.js';

const log = logger('api');
const STREAMED_TYPES = /^(text\/event-stream|multipart\/mixed)/i;

/** The first path segment ("webhooks", "graphql"…): span names and metric labels stay few, whatever the ids. */
function routeGroup(path: string): string {
  return path.split('/')[1] || 'console';
}

export function buildApp(deps: ApiDeps): Koa {
  // Behind a reverse proxy, the client address is the one the nearest proxy saw (the last X-Forwarded-For
  // entry): earlier entries are whatever the client wrote, and sign-in throttling and rate limits count by it.
  const app = new Koa({ proxy: true, maxIpsCount: 1 });
  const yoga = buildYoga(deps);

  // Every request runs in a span continuing the caller's trace; its id comes back as X-Trace-Id and stamps
  // the request's log lines, and the workflow a webhook starts carries it on to the reply.
  app.use((ctx, next) => inServerSpan(`${ctx.method} ${routeGroup(ctx.path)}`, ctx.headers, async (span) => {
    ctx.set('x-trace-id', span.spanContext().traceId);
    await next();
    span.setAttribute('http.response.status_code', ctx.status);
  }));
  app.use(securityHeaders(deps.config.publicUrl));
  app.use(async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const unavailable = unavailableService(error);
      if (unavailable) {
        ctx.status = 503;
        ctx.set('retry-after', String(RETRY_AFTER_SECONDS));
        ctx.body = unavailableMessage(unavailable);
        log.warn({ method: ctx.method, path: ctx.path, err: error }, `503: ${unavailable} unreachable`);
        return;
      }
      const status = (error as { status?: number }).status ?? 500;
      ctx.status = status;
      // Expected HTTP errors say what was wrong; anything else is logged, never shown.
      ctx.body = status < 500 ? (error as Error).message : 'internal error';
      if (status >= 500) log.error({ method: ctx.method, path: ctx.path, err: error }, `${ctx.method} ${ctx.path} failed`);
    } finally {
      httpRequests.inc({ group: routeGroup(ctx.path), status: `${Math.floor(ctx.status / 100)}xx` });
    }
  });

  app.use(containStreamErrors());
  app.use(healthRouter(deps).routes());
  countQueueDepthIn(deps.orm);
  app.use(async (ctx, next) => {
    if (ctx.path !== '/metrics') return next();
    ctx.type = registry.contentType;
    ctx.body = await registry.metrics();
  });
  app.use(twilioWebhookRouter(deps).routes());
  app.use(chatRouter(deps).routes());
  app.use(auditExportRouter(deps).routes());
  if (deps.config.twilio.emulated) {
    const carrier = deps.emulatorCarrier ?? new EmulatorCarrier(deps.orm, deps.config.twilio.authToken);
    app.use(twilioEmulatorRouter(deps, carrier).routes());
  }

  app.use(limitGraphQLBody());
  app.use(async (ctx, next) => {
    if (ctx.path !== '/graphql') return next();
    // The Koa context rides along so resolvers can read the client address and set the session cookie.
    const response = await yoga.handleNodeRequestAndResponse(ctx.req, ctx.res, { koa: ctx });
    ctx.status = response.status;
    response.headers.forEach((value, key) => ctx.set(key, value));
    if (!response.body) ctx.body = null;
    // Subscriptions (SSE) and incremental results stream; everything else is one buffer with a length.
    else if (STREAMED_TYPES.test(response.headers.get('content-type') ?? '')) ctx.body = nodeStreamOf(response.body);
    else ctx.body = Buffer.from(await response.arrayBuffer());
  });

  app.use(serveConsole());
  app.on('error', (error: NodeJS.ErrnoException) => {
    // A subscriber closing its SSE stream, or a client hanging up mid-response, is not a server fault.
    if (isHangUp(error)) return;
    log.error({ err: error }, 'unhandled API error');
  });
  return app;
}
