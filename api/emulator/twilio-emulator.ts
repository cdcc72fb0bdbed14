// The built-in stand-in for Twilio's REST Messages API (create, fetch, list), mounted at
// /emulator/twilio only when no Twilio account is configured. Messages live in PostgreSQL, so every API
// instance and worker sees the same handset history, and it survives restarts.
import Router from '@koa/router';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from 'koa';
import { smsSegments } from '../../channels/format/gsm7.js';
import { EmulatorMessageSchema, type EmulatorMessage } from '../../db/entities/index.js';
import type { ApiDeps } from '../deps.js';
import { BodyTooLargeError, readForm } from '../http/read-body.js';
import { handsetUnsubscribed } from './carrier-keywords.js';
import { notifyHandset } from './handset-events.js';
import type { EmulatorCarrier } from './twilio-delivery.js';
import { API_VERSION, messageResource, newSid, twilioError } from './twilio-resources.js';
import { MAX_REPLY_LENGTH } from '../../domain/case.js';


export function twilioEmulatorRouter(deps: ApiDeps, carrier: EmulatorCarrier): Router {
  const router = new Router({ prefix: `/emulator/twilio/${API_VERSION}/Accounts/:accountSid` });
  const { accountSid, authToken } = deps.config.twilio;

  router.use(async (ctx, next) => {
    if (!authorised(ctx, accountSid, authToken) || ctx.params.accountSid !== accountSid) {
      ctx.status = 401;
      ctx.body = twilioError(401, 20003, 'Authenticate');
      return;
    }
    await next();
  });

  router.post('/Messages.json', async (ctx) => {
    let form: Record<string, string>;
    try {
      form = await readForm(ctx);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      return fail(ctx, 413, 21617, 'The concatenated message body exceeds the 1600 character limit');
    }
    if (!form.To) return fail(ctx, 400, 21604, "A 'To' phone number is required.");
    if (!form.From) return fail(ctx, 400, 21603, "A 'From' phone number is required.");
    if (!form.Body) return fail(ctx, 400, 21602, 'Message body is required.');
    if ([...form.Body].length > MAX_REPLY_LENGTH) return fail(ctx, 400, 21617, 'The concatenated message body exceeds the 1600 character limit');
    const em = deps.orm.em.fork();
    if (await handsetUnsubscribed(em, form.To, form.From)) return fail(ctx, 400, 21610, 'Attempt to send to unsubscribed recipient');
    const message = em.create(EmulatorMessageSchema, {
      sid: newSid('SM'),
      accountSid,
      direction: 'outbound-api',
      from: form.From,
      to: form.To,
      body: form.Body,
      status: 'queued',
      statusCallback: form.StatusCallback || null,
      // WhatsApp has no carrier segments: Twilio reports one.
      numSegments: form.To.startsWith('whatsapp:') ? 1 : Math.max(smsSegments(form.Body).segments, 1),
      errorCode: null,
    });
    await em.flush();
    await notifyHandset(em, message);
    carrier.deliver(message);
    ctx.status = 201;
    ctx.body = messageResource(message);
  });

  router.get('/Messages.json', async (ctx) => {
    const query = ctx.query as Record<string, string | undefined>;
    const pageSize = Math.min(Math.max(Number(query.PageSize) || 50, 1), 1000);
    const where: FilterQuery<EmulatorMessage> = {};
    if (query.To) where.to = query.To;
    if (query.From) where.from = query.From;
    const sentAfter = query['DateSent>'] ?? query.DateSent;
    if (sentAfter) where.dateCreated = { $gte: new Date(sentAfter) };
    const rows = await deps.orm.em.fork().find(EmulatorMessageSchema, where, { orderBy: { dateCreated: 'desc' }, limit: pageSize });
    const uri = `/${API_VERSION}/Accounts/${accountSid}/Messages.json?PageSize=${pageSize}&Page=0`;
    ctx.body = {
      messages: rows.map(messageResource),
      end: Math.max(rows.length - 1, 0),
      first_page_uri: uri,
      next_page_uri: null,
      page: 0,
      page_size: pageSize,
      previous_page_uri: null,
      start: 0,
      uri,
    };
  });

  router.get('/Messages/:sid.json', async (ctx) => {
    const message = await deps.orm.em.fork().findOne(EmulatorMessageSchema, { sid: ctx.params.sid });
    if (!message) return fail(ctx, 404, 20404, `The requested resource ${ctx.path} was not found`);
    ctx.body = messageResource(message);
  });

  return router;
}

function fail(ctx: Context, status: number, code: number, message: string): void {
  ctx.status = status;
  ctx.body = twilioError(status, code, message);
}

function authorised(ctx: Context, accountSid: string, authToken: string): boolean {
  const header = ctx.get('authorization');
  if (!header.startsWith('Basic ')) return false;
  return Buffer.from(header.slice(6), 'base64').toString() === `${accountSid}:${authToken}`;
}
