// Twilio's webhooks: verify, translate, start the case, answer. Nothing slow happens before the answer.
import Router from '@koa/router';
import type { Context } from 'koa';
import { InvalidWebhookError, inboundFromTwilio } from '../../channels/twilio-inbound.js';
import { twilioErrorText } from '../../channels/twilio-errors.js';
import type { DeliveryStatus, InboundMessage } from '../../domain/case.js';
import { DELIVERY_RANK } from '../../domain/delivery.js';
import { recordDeliveryStatus } from '../cases/record-delivery-status.js';
import { startCase } from '../cases/start-case.js';
import type { ApiDeps } from '../deps.js';
import { BodyTooLargeError, readForm } from '../http/read-body.js';
import { logger } from '../../runtime/logger.js';
import { webhookCounter } from '../../runtime/metrics.js';
import { hasValidTwilioSignature } from './twilio-signature.js';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

const log = logger('webhook');
const WEBHOOK_START_DEADLINE_MS = 8_000;

export function twilioWebhookRouter(deps: ApiDeps): Router {
  const router = new Router({ prefix: '/webhooks/twilio' });

  router.post('/messages', async (ctx) => {
    const params = await verifiedForm(ctx, deps);
    if (!params) return;
    let message: InboundMessage;
    try {
      message = inboundFromTwilio(params, new Date().toISOString());
    } catch (error) {
      if (!(error instanceof InvalidWebhookError)) throw error;
      webhookCounter.inc({ kind: 'message', outcome: 'bad_request' });
      ctx.status = 400;
      ctx.body = error.message;
      return;
    }
    // Starting the workflow is the durable hand-off: once Temporal has it, nothing is lost, and all the
    // slow work (screening, drafting, recording) happens in the case after Twilio has its answer.
    // Answer before Twilio gives up (15 s): a Temporal that does not take the start in time gets a 503, and
    // the delivery is retried (Twilio's connection overrides or fallback URL) without risk of a second case.
    const started = await deps.temporal.withDeadline(Date.now() + WEBHOOK_START_DEADLINE_MS, () => startCase(deps.temporal, deps.config, message));
    webhookCounter.inc({ kind: 'message', outcome: started.duplicate ? 'duplicate' : 'started' });
    // The body stays out of the log line; the customer's address is tokenised by the logger.
    log.info({ caseId: started.caseId, channel: message.channel, from: message.from, duplicate: started.duplicate },
      started.duplicate ? 'inbound message already has its case (a redelivery)' : 'inbound message: case started');
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
    if (!(status in DELIVERY_RANK)) {
      // accepted, scheduled, canceled, receiving, received: not about a reply's delivery.
      webhookCounter.inc({ kind: 'status', outcome: 'ignored' });
      ctx.status = 204;
      return;
    }
    const outcome = await recordDeliveryStatus(deps, {
      providerMessageId: sid,
      status: status as DeliveryStatus,
      errorCode: params.ErrorCode || null,
      errorMessage: params.ErrorMessage || twilioErrorText(params.ErrorCode),
    }, typeof ctx.query.caseId === 'string' && ctx.query.caseId.startsWith('msg:') ? ctx.query.caseId : undefined);
    webhookCounter.inc({ kind: 'status', outcome });
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
