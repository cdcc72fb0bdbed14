import { ApplicationFailure } from '@temporalio/activity';
import { performance } from 'node:perf_hooks';
import { CaseSchema, MessageSchema } from '../db/entities/index.js';
import { activeGuardrail } from '../db/guardrail-rule-sets.js';
import { historyBeforeCase } from '../db/message-records.js';
import { findPii, redact as redactPii } from '../guardrails/pii.js';
import { calibrate } from '../llm/calibration.js';
import { calibrationFor, examplesFor, passagesFor } from '../llm/draft-context.js';
import { DrafterError, type Draft, type HistoryLine } from '../llm/drafter.js';
import { storedPolicy } from '../settings/stored-policy.js';
import type { CasePolicy } from '../domain/policy.js';
import { aiRequests, draftConfidence, llmLatency } from '../runtime/metrics.js';
import type { ActivityDeps } from './deps.js';

/** `confidence` is calibrated against reviewers' past decisions for the intent: what routing compares. */
export type DraftResult = Pick<Draft, 'text' | 'intent' | 'confidence' | 'needsHuman' | 'model'>;

/** How much of a customer's past the drafter reads: enough for context, little enough for a prompt. */
const HISTORY_LINES = 12;

export function draftReplyActivity({ orm, drafter, policyDefaults, calibration }: ActivityDeps) {
  return async function draftReply({ caseId, contextCaseIds = [] }: { caseId: string; contextCaseIds?: string[] }): Promise<DraftResult> {
    const em = orm.em.fork();
    const found = await em.findOneOrFail(CaseSchema, { id: caseId });
    // Messages this one superseded are answered together with it.
    const earlier = contextCaseIds.length
      ? await em.find(CaseSchema, { id: { $in: contextCaseIds } }, { orderBy: { createdAt: 'asc' } })
      : [];
    // The drafter sees PII tokens, never the customer's raw email or number.
    const redact = (text: string) => redactPii(text, findPii(text));
    // Screening stored the redacted copy already; computing it again is for cases screened before it did.
    const redacted = (c: typeof found) => c.inboundRedacted ?? redact(c.inboundText);
    const question = [...earlier.map(redacted), redacted(found)].join('\n');
    const [history, inbound, policy, guardrail, passages, examples] = await Promise.all([
      historyBeforeCase(em, caseId, [caseId, ...contextCaseIds], found.createdAt, HISTORY_LINES),
      em.findOne(MessageSchema, { id: found.inboundMessageId }),
      // The version the case started under: the voice and never-auto intents it was screened and routed with.
      storedPolicy(em, policyDefaults, found.policyVersion ?? null),
      activeGuardrail(em),
      passagesFor(em, question),
      examplesFor(em, caseId, question),
    ]);
    try {
      const channel = found.channel as keyof CasePolicy['voice']['tone'];
      const started = performance.now();
      const draft = await drafter.draft({
        caseId,
        channel: found.channel,
        voice: { persona: policy.voice.persona, tone: policy.voice.tone[channel] ?? policy.voice.tone.sms },
        neverAutoIntents: policy.routing.neverAutoIntents,
        forbiddenTopics: guardrail.config.topics.map((topic) => topic.name),
        passages,
        examples,
        text: redacted(found),
        earlier: earlier.map(redacted),
        history: history.map((row): HistoryLine => ({
          channel: row.channel, from: row.direction === 'inbound' ? 'customer' : 'business', text: redact(row.body), at: new Date(row.created_at).toISOString(),
        })),
        attachments: inbound?.attachments.map((a) => a.contentType),
      });
      llmLatency.observe({ model: draft.model }, (performance.now() - started) / 1000);
      aiRequests.inc({ status: 'ok' });
      const confidence = calibration ? calibrate(draft.confidence, await calibrationFor(em, draft.intent)) : draft.confidence;
      draftConfidence.observe({ intent: draft.intent }, confidence);
      // The reasoning and sources are for reviewers, not for the workflow: they go to the read model, never
      // into history. So does the raw confidence, which calibration learns from once a reviewer decides.
      const reasoning = draft.humanReason && !draft.reasoning.includes(draft.humanReason) ? `${draft.reasoning} Needs a person: ${draft.humanReason}` : draft.reasoning;
      await em.nativeUpdate(CaseSchema, { id: caseId }, {
        draftReasoning: reasoning.trim(), draftModel: draft.model, draftConfidenceRaw: draft.confidence, draftSources: draft.sources,
      });
      return { text: draft.text, intent: draft.intent, confidence, needsHuman: draft.needsHuman, model: draft.model };
    } catch (error) {
      aiRequests.inc({ status: error instanceof DrafterError && !error.retryable ? 'failed' : 'retryable' });
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
