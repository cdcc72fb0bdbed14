// The emulator's carrier: after a message is created it moves through Twilio's statuses (queued → sent →
// delivered, and read on WhatsApp) and posts each to the message's StatusCallback, signed as Twilio signs.
// Test handsets in Twilio's reserved +1500555 range never answer: their messages end undelivered (30003),
// so a newcomer can see what a failed delivery does.
import type { Orm } from '../../db/orm.js';
import { EmulatorMessageSchema, type EmulatorMessage } from '../../db/entities/index.js';
import { API_VERSION } from './twilio-resources.js';
import { notifyHandset } from './handset-events.js';
import { postAsTwilio } from './post-as-twilio.js';
import { logger } from '../../runtime/logger.js';

const log = logger('twilio-emulator');

export const UNREACHABLE_PREFIX = '+1500555';

interface Step {
  status: string;
  errorCode?: number;
  errorMessage?: string;
}

export function deliveryPlan(message: Pick<EmulatorMessage, 'to'>): Step[] {
  const to = message.to.replace(/^whatsapp:/, '');
  if (to.startsWith(UNREACHABLE_PREFIX)) {
    return [{ status: 'sent' }, { status: 'undelivered', errorCode: 30003, errorMessage: 'Unreachable destination handset' }];
  }
  const steps: Step[] = [{ status: 'sent' }, { status: 'delivered' }];
  if (message.to.startsWith('whatsapp:')) steps.push({ status: 'read' });
  return steps;
}

export class EmulatorCarrier {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly orm: Orm, private readonly authToken: string, private readonly stepMs = 100) {}

  /** Walks a new message through its delivery plan in the background. */
  deliver(message: EmulatorMessage): void {
    const steps = deliveryPlan(message);
    const next = (index: number) => {
      const step = steps[index];
      if (!step) return;
      this.later(async () => {
        await this.apply(message, step);
        next(index + 1);
      });
    };
    next(0);
  }

  private later(work: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      work().catch((error) => log.warn({ err: error }, 'Twilio emulator: status callback failed'));
    }, this.stepMs);
    timer.unref();
    this.timers.add(timer);
  }

  private async apply(message: EmulatorMessage, step: Step): Promise<void> {
    const em = this.orm.em.fork();
    await em.nativeUpdate(EmulatorMessageSchema, { sid: message.sid }, {
      status: step.status, errorCode: step.errorCode ?? null, errorMessage: step.errorMessage ?? null, dateUpdated: new Date(),
    });
    await notifyHandset(em, message);
    if (!message.statusCallback) return;
    const params: Record<string, string> = {
      AccountSid: message.accountSid,
      ApiVersion: API_VERSION,
      From: message.from,
      MessageSid: message.sid,
      MessageStatus: step.status,
      SmsSid: message.sid,
      SmsStatus: step.status,
      To: message.to,
    };
    if (step.errorCode) params.ErrorCode = String(step.errorCode);
    const response = await postAsTwilio(message.statusCallback, params, this.authToken);
    if (!response.ok) throw new Error(`${message.statusCallback} answered ${response.status} to ${step.status}`);
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
