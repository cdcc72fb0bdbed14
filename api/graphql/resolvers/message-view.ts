import { twilioErrorText } from '../../../channels/twilio-errors.js';
import type { HistoryRow } from '../../customers/customer-records.js';
import type { Channel, ConversationMessage, Direction } from '../generated/resolvers-types.js';

/** The GraphQL shape of a conversation message row (customer history, a conversation, a case's replies). */
export function messageView(row: HistoryRow): ConversationMessage {
  return {
    id: row.id, caseId: row.case_id, channel: row.channel.toUpperCase() as Channel, direction: row.direction.toUpperCase() as Direction, body: row.body,
    attachments: row.attachments ?? [], status: row.status, errorCode: row.error_code, errorMessage: twilioErrorText(row.error_code), part: row.part,
    createdAt: new Date(row.created_at).toISOString(), statusUpdatedAt: row.status_updated_at ? new Date(row.status_updated_at).toISOString() : null,
  };
}
