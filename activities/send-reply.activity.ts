import { ApplicationFailure } from '@temporalio/activity';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { OutboundReply, SentReply } from '../channels/reply-sender.js';
import { CaseSchema, ConversationSchema, MessageSchema, SendLedgerSchema } from '../db/entities/index.js';
import type { ActivityDeps } from './deps.js';

export interface SendReplyInput {
  caseId: string;
  text: string;
}

/**
 * Sends the case's one reply. The ledger row is committed before the provider is called; a retry that
 * finds it `pending` asks the provider whether the earlier attempt got through before sending again, so a
 * worker dying between the provider's acceptance and this activity's completion never sends twice.
 */
export function sendReplyActivity({ orm, sender }: ActivityDeps) {
  return async function sendReply({ caseId, text }: SendReplyInput): Promise<SentReply> {
    const em = orm.em.fork();
    const { reply, conversation } = await outboundFor(em, caseId, text);

    const ledger = await em.findOne(SendLedgerSchema, { caseId });
    if (ledger?.status === 'accepted') {
      return { providerMessageId: ledger.providerMessageId!, status: 'accepted' };
    }
    if (ledger && ledger.body !== text) {
      throw ApplicationFailure.nonRetryable(`case ${caseId} already started sending a different reply`, 'SendConflict');
    }
    const earlier = ledger ? await sender.findSent(reply, new Date(ledger.createdAt.getTime() - 60_000)) : null;
    if (!ledger) {
      em.create(SendLedgerSchema, { caseId, body: text, status: 'pending' });
      await em.flush();
    }

    const sent = earlier ?? await sender.send(reply);
    await em.transactional(async (tx) => {
      const row = await tx.findOneOrFail(SendLedgerSchema, { caseId });
      row.status = 'accepted';
      row.providerMessageId = sent.providerMessageId;
      tx.create(MessageSchema, {
        conversation: conversation.id,
        caseId,
        direction: 'outbound',
        channel: conversation.channel,
        providerMessageId: sent.providerMessageId,
        body: text,
        status: sent.status,
      });
    });
    return sent;
  };
}

async function outboundFor(em: EntityManager, caseId: string, body: string) {
  const found = await em.findOneOrFail(CaseSchema, { id: caseId });
  const conversation = await em.findOneOrFail(ConversationSchema, { id: found.conversationId });
  const reply: OutboundReply = { caseId, to: conversation.customerAddress, from: conversation.businessAddress, body };
  return { reply, conversation };
}
