// What Twilio itself does with carrier keywords on SMS (Advanced Opt-Out defaults): it answers STOP, START
// and HELP with its standard texts, and refuses to send to a number whose latest keyword was STOP (error
// 21610). The emulator does the same, so the product meets the behaviour it will meet in production.
import type { EntityManager } from '@mikro-orm/postgresql';
import { optKeyword } from '../../channels/opt-keywords.js';
import { EmulatorMessageSchema } from '../../db/entities/index.js';
import type { BlockedReason } from '../../domain/case.js';

export const TWILIO_KEYWORD_REPLIES: Record<BlockedReason, string> = {
  opt_out: 'You have successfully been unsubscribed. You will not receive any more messages from this number. Reply START to resubscribe.',
  opt_in: 'You have successfully been re-subscribed to messages from this number. Reply HELP for help. Reply STOP to unsubscribe. Msg&Data Rates May Apply.',
  help: 'Reply STOP to unsubscribe. Msg&Data Rates May Apply.',
};

/** The automatic reply Twilio sends to an SMS that is a keyword, or null. */
export function keywordReply(to: string, body: string): string | null {
  if (to.startsWith('whatsapp:')) return null;
  const keyword = optKeyword('sms', body);
  return keyword ? TWILIO_KEYWORD_REPLIES[keyword] : null;
}

/** Whether the handset's latest keyword to the business number was an opt-out. */
export async function handsetUnsubscribed(em: EntityManager, handset: string, business: string): Promise<boolean> {
  if (handset.startsWith('whatsapp:')) return false;
  const recent = await em.find(EmulatorMessageSchema, { direction: 'inbound', from: handset, to: business }, { orderBy: { dateCreated: 'desc' }, limit: 50 });
  for (const message of recent) {
    const keyword = optKeyword('sms', message.body);
    if (keyword === 'opt_out') return true;
    if (keyword === 'opt_in') return false;
  }
  return false;
}
