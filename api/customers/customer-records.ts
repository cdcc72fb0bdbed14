// Customers as one person across channels: reading their history, linking an identity by hand, and merging
// two customers that turned out to be one. Called by the GraphQL resolvers.
import type { EntityManager } from '@mikro-orm/postgresql';
import { CustomerIdentitySchema, CustomerSchema, type Customer } from '../../db/entities/index.js';
import { isE164, normalisePhoneNumber } from '../../channels/addresses.js';
import type { Attachment, Channel } from '../../domain/case.js';

/** Customer ids and web chat visitor ids are UUIDs; anything else is not one of ours. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

export interface HistoryRow {
  id: string;
  case_id: string;
  channel: Channel;
  direction: 'inbound' | 'outbound';
  body: string;
  attachments: Attachment[];
  status: string | null;
  error_code: string | null;
  part: number;
  created_at: Date;
  status_updated_at: Date | null;
}

const MESSAGE_COLUMNS = 'm.id, m.case_id, m.channel, m.direction, m.body, m.attachments, m.status, m.error_code, m.part, m.created_at, m.status_updated_at';

const HISTORY_SQL = `
  select * from (
    select ${MESSAGE_COLUMNS} from messages m join conversations v on v.id = m.conversation_id
    where v.customer_id = ? order by m.created_at desc, m.part desc limit ?
  ) recent order by created_at, part`;

/** The customer's latest messages on every channel, oldest first. */
export function customerHistory(em: EntityManager, customerId: string, last: number): Promise<HistoryRow[]> {
  return em.getConnection().execute<HistoryRow[]>(HISTORY_SQL, [customerId, last]);
}

/** One conversation's latest messages, oldest first. */
export function conversationMessages(em: EntityManager, conversationId: string, last: number): Promise<HistoryRow[]> {
  return em.getConnection().execute<HistoryRow[]>(
    `select * from (select ${MESSAGE_COLUMNS} from messages m where m.conversation_id = ? order by m.created_at desc, m.part desc limit ?) recent order by created_at, part`,
    [conversationId, last],
  );
}

/** What a case sent: every part of every attempt, in sending order. */
export function caseReplies(em: EntityManager, caseId: string): Promise<HistoryRow[]> {
  return em.getConnection().execute<HistoryRow[]>(
    `select ${MESSAGE_COLUMNS} from messages m where m.case_id = ? and m.direction = 'outbound' order by m.created_at, m.part`, [caseId],
  );
}

export class CustomerRecordError extends Error {
  constructor(readonly code: 'NOT_FOUND' | 'BAD_INPUT', message: string) {
    super(message);
  }
}

const ADDRESS_RULES: Record<Channel, { valid: (value: string) => boolean; name: string; example: string }> = {
  sms: { valid: isE164, name: 'phone number', example: '+15551234567' },
  whatsapp: { valid: isE164, name: 'WhatsApp number', example: '+15551234567' },
  email: { valid: (value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), name: 'email address', example: 'kim@example.com' },
  webchat: { valid: isUuid, name: 'web chat visitor id', example: 'the id from the visitor\'s chat' },
};

/** The address as identities store it, or an error saying what a valid one looks like. */
export function normaliseAddress(channel: Channel, address: string): string {
  let value = address.trim().replace(/^whatsapp:/i, '');
  if (channel === 'sms' || channel === 'whatsapp') value = normalisePhoneNumber(value);
  if (channel === 'email') value = value.toLowerCase();
  const rule = ADDRESS_RULES[channel];
  if (!rule.valid(value)) throw new CustomerRecordError('BAD_INPUT', `"${address}" is not a valid ${rule.name} (e.g. ${rule.example})`);
  return value;
}

export async function activeCustomer(em: EntityManager, id: string): Promise<Customer> {
  const customer = isUuid(id) ? await em.findOne(CustomerSchema, { id }) : null;
  if (!customer) throw new CustomerRecordError('NOT_FOUND', `no customer ${id}`);
  if (customer.mergedInto) throw new CustomerRecordError('BAD_INPUT', `customer ${id} was merged into ${customer.mergedInto}`);
  return customer;
}

export async function linkIdentity(em: EntityManager, customerId: string, channel: Channel, address: string, by: string): Promise<Customer> {
  const customer = await activeCustomer(em, customerId);
  const bare = normaliseAddress(channel, address);
  const existing = await em.findOne(CustomerIdentitySchema, { channel, address: bare });
  if (existing && existing.customer.id !== customer.id) {
    throw new CustomerRecordError('BAD_INPUT', `${bare} already belongs to customer ${existing.customer.id}: merge the two customers instead`);
  }
  if (!existing) {
    em.create(CustomerIdentitySchema, { customer, channel, address: bare, linkedBy: by });
  } else if (existing.linkedBy === 'auto' || existing.linkedBy === 'visitor') {
    // Linking what a message or a visitor already linked is a supervisor vouching for it.
    existing.linkedBy = by;
  } else {
    return customer;
  }
  await em.flush();
  await audit(em, by, 'identity_linked', { customerId, channel, address: bare });
  return customer;
}

// Everything of the source moves to the target in one transaction; the source stays as a tombstone pointing
// at the target, so links to it still resolve. An opt-out on either side survives the merge. The moved
// identities count as linked by the supervisor: they vouched that this is one person.
const MERGE_SQL = [
  `update customer_identities set customer_id = ?, linked_by = case when linked_by in ('auto', 'visitor') then ? else linked_by end where customer_id = ?`,
  'update conversations set customer_id = ? where customer_id = ?',
  'update cases set customer_id = ? where customer_id = ?',
];

export async function mergeCustomers(em: EntityManager, sourceId: string, targetId: string, by: string): Promise<Customer> {
  if (sourceId === targetId) throw new CustomerRecordError('BAD_INPUT', 'a customer cannot be merged into itself');
  const source = await activeCustomer(em, sourceId);
  const target = await activeCustomer(em, targetId);
  await em.transactional(async (tx) => {
    const [identities, ...rest] = MERGE_SQL;
    await tx.execute(identities!, [target.id, by, source.id]);
    for (const sql of rest) await tx.execute(sql, [target.id, source.id]);
    await tx.nativeUpdate(CustomerSchema, { id: target.id }, {
      displayName: target.displayName ?? source.displayName,
      optedOutAt: target.optedOutAt ?? source.optedOutAt,
    });
    await tx.nativeUpdate(CustomerSchema, { id: source.id }, { mergedInto: target.id });
    await audit(tx, by, 'customers_merged', { sourceId, targetId });
  });
  return em.fork().findOneOrFail(CustomerSchema, { id: target.id });
}

async function audit(em: EntityManager, actor: string, type: string, detail: Record<string, unknown>): Promise<void> {
  await em.execute(
    'insert into audit_events (case_id, actor, type, detail, created_at) values (null, ?, ?, ?::jsonb, now())',
    [actor, type, JSON.stringify(detail)],
  );
}
