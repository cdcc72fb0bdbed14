import type { EntityManager } from '@mikro-orm/postgresql';
import { bareAddress } from '../channels/addresses.js';
import {
  CaseSchema,
  ConversationSchema,
  CustomerIdentitySchema,
  CustomerSchema,
  MessageSchema,
  type Case,
  type Conversation,
} from '../db/entities/index.js';
import type { InboundMessage } from '../workflows/contract.js';
import type { ActivityDeps } from './deps.js';

export interface RecordInboundInput {
  caseId: string;
  message: InboundMessage;
}

export interface RecordedInbound {
  customerId: string;
  conversationId: string;
  messageId: string;
  /** Earlier cases of this conversation still waiting for a decision: this message supersedes them. */
  openCaseIds: string[];
}

/**
 * Stores customer, conversation, message and the case row. Idempotent: a retry finds what the first
 * attempt stored (unique keys on identity, conversation and provider message id).
 */
export function recordInboundActivity({ orm }: ActivityDeps) {
  return async function recordInbound({ caseId, message }: RecordInboundInput): Promise<RecordedInbound> {
    return orm.em.fork().transactional(async (em) => {
      const existing = await em.findOne(CaseSchema, { id: caseId });
      if (existing) {
        const { customerId, conversationId, inboundMessageId: messageId } = existing;
        return { customerId, conversationId, messageId, openCaseIds: await openCasesBefore(em, existing) };
      }
      const conversation = await findOrOpenConversation(em, message);
      conversation.lastMessageAt = new Date(message.receivedAt);
      const stored = em.create(MessageSchema, {
        conversation,
        caseId,
        direction: 'inbound',
        channel: message.channel,
        providerMessageId: message.providerMessageId,
        body: message.body,
        createdAt: new Date(message.receivedAt),
      });
      // Ids are generated on flush; the case row refers to them.
      await em.flush();
      const row = em.create(CaseSchema, {
        id: caseId,
        channel: message.channel,
        stage: 'screening',
        customerId: conversation.customer.id,
        conversationId: conversation.id,
        inboundMessageId: stored.id,
        inboundText: message.body,
        createdAt: new Date(message.receivedAt),
      });
      await em.flush();
      return { customerId: conversation.customer.id, conversationId: conversation.id, messageId: stored.id, openCaseIds: await openCasesBefore(em, row) };
    });
  };
}

async function findOrOpenConversation(em: EntityManager, message: InboundMessage): Promise<Conversation> {
  const key = { channel: message.channel, customerAddress: message.from, businessAddress: message.to };
  const conversation = await em.findOne(ConversationSchema, key, { populate: ['customer'] });
  if (conversation) return conversation;

  // The same phone number on SMS and WhatsApp is one customer.
  const address = bareAddress(message.from);
  const identity = await em.findOne(CustomerIdentitySchema, { channel: message.channel, address }, { populate: ['customer'] })
    ?? await em.findOne(CustomerIdentitySchema, { address }, { populate: ['customer'] });
  const customer = identity?.customer ?? em.create(CustomerSchema, {});
  if (!identity || identity.channel !== message.channel) {
    em.create(CustomerIdentitySchema, { customer, channel: message.channel, address });
  }
  return em.create(ConversationSchema, { ...key, customer });
}

const UNDECIDED = ['screening', 'drafting', 'awaiting_review', 'escalated'];

async function openCasesBefore(em: EntityManager, current: Case): Promise<string[]> {
  const open = await em.find(CaseSchema, {
    conversationId: current.conversationId,
    stage: { $in: UNDECIDED },
    id: { $ne: current.id },
    createdAt: { $lte: current.createdAt },
  }, { fields: ['id'] });
  return open.map((c) => c.id);
}
