// Twilio's webhooks: verify, translate, start the case, answer. Nothing slow happens before the answer.
import Router from '@koa/router';
import type { Context } from 'koa';
import { channelOfTwilioAddress } from '../../channels/addresses.js';
import { MessageSchema } from '../../db/entities/index.js';
import { startCase } from '../cases/start-case.js';
import type { ApiDeps } from '../deps.js';
import { BodyTooLargeError, readForm } from '../http/read-body.js';
import { webhookCounter } from '../metrics.js';
import { hasValidTwilioSignature } from './twilio-signature.js';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

export function twilioWebhookRouter(deps: ApiDeps): Router {
  const router = new Router({ prefix: '/webhooks/twilio' });

  router.post('/messages', async (ctx) => {
    const params = await verifiedForm(ctx, deps);
    if (!params) return;
    const { MessageSid: sid, From: from, To: to } = params;
    if (!sid || !from || !to) {
      webhookCounter.inc({ kind: 'message', outcome: 'bad_request' });
      ctx.status = 400;
      ctx.body = 'MessageSid, From and To are required';
      return;
    }
    const started = await startCase(deps.temporal, deps.config, {
      channel: channelOfTwilioAddress(from),
      providerMessageId: sid,
      from,
      to,
      body: params.Body ?? '',
      receivedAt: new Date().toISOString(),
    });
    webhookCounter.inc({ kind: 'message', outcome: started.duplicate ? 'duplicate' : 'started' });
    ctx.type = 'text/xml';
    ctx.body = EMPTY_TWIML;
  });

  router.post('/status', async (ctx) => {
    const params = await verifiedForm(ctx, deps);
    if (!params) return;
    const { MessageSid: sid, MessageStatus: status } = params;
    if (!sid || !status) {
      ctx.status = 400;
      ctx.body = 'MessageSid and MessageStatus are required';
      return;
    }
    const em = deps.orm.em.fork();
    const message = await em.findOne(MessageSchema, { direction: 'outbound', providerMessageId: sid });
    if (message) {
      message.status = status;
      message.errorCode = params.ErrorCode || null;
      await em.flush();
    }
    webhookCounter.inc({ kind: 'status', outcome: message ? 'recorded' : 'unknown_message' });
    ctx.status = 204;
  });

  return router;
}

/** The form fields of a request Twilio really sent, or null after answering 403/413. */
async function verifiedForm(ctx: Context, deps: ApiDeps): Promise<Record<string, string> | null> {
  let params: Record<string, string>;
  try {
    params = await readForm(ctx);
  } catch (error) {
    if (error instanceof BodyTooLargeError) ctx.throw(413, 'request body too large');
    throw error;
  }
  if (!hasValidTwilioSignature(ctx, deps.config.twilio.authToken, deps.config.publicUrl, params)) {
    webhookCounter.inc({ kind: 'any', outcome: 'forbidden' });
    ctx.status = 403;
    ctx.body = 'invalid or missing X-Twilio-Signature';
    return null;
  }
  return params;
}
