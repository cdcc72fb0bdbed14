import type { DecisionKind } from '../../../domain/case.js';
import { claimUpdate, decideUpdate, releaseUpdate } from '../../../workflows/contract.js';
import { requireUser } from '../context.js';
import { codedError } from '../errors.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { onCase } from './case-updates.js';
import { MAX_REPLY_LENGTH } from '../../../domain/case.js';

/** Twilio's limit for one message (1,600 characters), and so the longest reply a reviewer may send. */
const REVIEW_ROLES = ['REVIEWER', 'SUPERVISOR', 'ADMIN'] as const;

/**
 * Decisions and claims go to the case as Updates: the workflow validates them and answers with the
 * resulting state. The decisionId doubles as the Update ID, so a repeated click is one decision.
 */
export const decideResolvers: Resolvers = {
  Mutation: {
    async decideCase(_, { id, input }, ctx) {
      const user = requireUser(ctx, [...REVIEW_ROLES]);
      const decision = input.decision.toLowerCase() as DecisionKind;
      const text = input.text?.trim() || undefined;
      if (decision === 'edit' && !text) throw codedError('BAD_INPUT', 'an edit needs the reply text');
      if (text && text.length > MAX_REPLY_LENGTH) throw codedError('BAD_INPUT', `the reply is longer than ${MAX_REPLY_LENGTH} characters`);
      if (input.decisionId && input.decisionId.length > 200) throw codedError('BAD_INPUT', 'decisionId is too long');
      return onCase(ctx, id, (handle) => handle.executeUpdate(decideUpdate, {
        args: [{ decision, reviewer: user.email, text, reason: input.reason ?? undefined, decisionId: input.decisionId ?? undefined }],
        updateId: input.decisionId ? `decision:${input.decisionId}` : undefined,
      }));
    },
    async claimCase(_, { id }, ctx) {
      const user = requireUser(ctx, [...REVIEW_ROLES]);
      return onCase(ctx, id, (handle) => handle.executeUpdate(claimUpdate, { args: [{ reviewer: user.email }] }));
    },
    async releaseCase(_, { id }, ctx) {
      const user = requireUser(ctx, [...REVIEW_ROLES]);
      return onCase(ctx, id, (handle) => handle.executeUpdate(releaseUpdate, { args: [{ reviewer: user.email }] }));
    },
  },
};
