import { ApplicationFailure } from '@temporalio/activity';
import { CaseSchema } from '../db/entities/index.js';
import { screenInbound } from '../guardrails/screen-inbound.js';
import { DrafterError, type Draft } from '../llm/drafter.js';
import type { ActivityDeps } from './deps.js';

export type DraftResult = Pick<Draft, 'text' | 'intent' | 'confidence' | 'needsHuman' | 'model'>;

export function draftReplyActivity({ orm, drafter }: ActivityDeps) {
  return async function draftReply({ caseId }: { caseId: string }): Promise<DraftResult> {
    const found = await orm.em.fork().findOneOrFail(CaseSchema, { id: caseId });
    // The drafter sees PII tokens, never the customer's raw email or number.
    const { redacted } = screenInbound(found.inboundText);
    try {
      const draft = await drafter.draft({ channel: found.channel, text: redacted });
      return { text: draft.text, intent: draft.intent, confidence: draft.confidence, needsHuman: draft.needsHuman, model: draft.model };
    } catch (error) {
      if (error instanceof DrafterError) {
        throw ApplicationFailure.create({
          type: 'DrafterError',
          message: error.message,
          nonRetryable: !error.retryable,
          nextRetryDelay: error.retryAfterMs,
        });
      }
      throw error;
    }
  };
}
