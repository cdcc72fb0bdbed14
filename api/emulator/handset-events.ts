// The emulator's handsets hear of every message to or from them through PostgreSQL NOTIFY, so the console's
// Phone page updates live whichever API instance created or delivered the message.
import type { EntityManager } from '@mikro-orm/core';
import type { EmulatorMessage } from '../../db/entities/index.js';

export const HANDSET_EVENTS_CHANNEL = 'emulator_handsets';

/** The NOTIFY payload: which message changed, and whose thread shows it. */
export interface HandsetEvent {
  sid: string;
  handset: string;
}

/** The customer's side of a message: the handset whose thread shows it. */
export function handsetOf(message: Pick<EmulatorMessage, 'direction' | 'from' | 'to'>): string {
  return message.direction === 'inbound' ? message.from : message.to;
}

export async function notifyHandset(em: EntityManager, message: Pick<EmulatorMessage, 'sid' | 'direction' | 'from' | 'to'>): Promise<void> {
  await em.getConnection().execute('select pg_notify(?, ?)', [HANDSET_EVENTS_CHANNEL, JSON.stringify({ sid: message.sid, handset: handsetOf(message) } satisfies HandsetEvent)]);
}
