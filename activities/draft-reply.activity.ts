import { ApplicationFailure } from '@temporalio/activity';
import { CaseSchema } from '../db/entities/index.js';
import { findPii, redact as redactPii } from '../guardrails/pii.js';
import { DrafterError, type Draft } from '../llm/drafter.js';
import type { ActivityDeps } from './deps.js';

export type DraftResult = Pick<Draft, 'text' | 'intent' | 'confidence' | 'needsHuman' | 'model'>;

export function draftReplyActivity({ orm, drafter }: ActivityDeps) {
  return async function draftReply({ caseId, contextCaseIds = [] }: { caseId: string; contextCaseIds?: string[] }): Promise<DraftResult> {
    const em = orm.em.fork();
    const found = await em.findOneOrFail(CaseSchema, { id: caseId });
    // Messages this one superseded are answered together with it.
    const earlier = contextCaseIds.length
      ? await em.find(CaseSchema, { id: { $in: contextCaseIds } }, { orderBy: { createdAt: 'asc' } })
      : [];
    // The drafter sees PII tokens, never the customer's raw email or number.
    const redact = (text: string) => redactPii(text, findPii(text));
    try {
      // Screening stored the redacted copy already; computing it again is for cases screened before it did.
      const redacted = (c: typeof found) => c.inboundRedacted ?? redact(c.inboundText);
      const draft = await drafter.draft({ channel: found.channel, text: redacted(found), earlier: earlier.map(redacted) });
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
