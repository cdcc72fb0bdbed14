import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { CaseSchema } from '../../../db/entities/index.js';
import { decideUpdate, type DecisionKind } from '../../../workflows/contract.js';
import { requireUser, type GraphQLContext } from '../context.js';
import { codedError, type ErrorCode } from '../errors.js';
import { caseView } from './case-view.js';

interface DecideArgs {
  id: string;
  input: { decision: 'APPROVE' | 'EDIT' | 'REJECT'; text?: string | null; reason?: string | null; decisionId?: string | null };
}

const MAX_REPLY = 1600;

/**
 * Sends the reviewer's decision to the case as the `decide` Update: the workflow validates it and answers
 * with the resulting state. The decisionId doubles as the Update ID, so a repeated click is one decision.
 */
export const decideResolvers = {
  Mutation: {
    async decideCase(_: unknown, { id, input }: DecideArgs, ctx: GraphQLContext) {
      const user = requireUser(ctx, ['REVIEWER', 'SUPERVISOR', 'ADMIN']);
      const decision = input.decision.toLowerCase() as DecisionKind;
      const text = input.text?.trim() || undefined;
      if (decision === 'edit' && !text) throw codedError('BAD_INPUT', 'an edit needs the reply text');
      if (text && text.length > MAX_REPLY) throw codedError('BAD_INPUT', `the reply is longer than ${MAX_REPLY} characters`);
      if (input.decisionId && input.decisionId.length > 200) throw codedError('BAD_INPUT', 'decisionId is too long');

      const row = await ctx.em.findOne(CaseSchema, { id });
      if (!row) throw codedError('NOT_FOUND', `no case ${id}`);

      const handle = ctx.deps.temporal.workflow.getHandle(id);
      try {
        const state = await handle.executeUpdate(decideUpdate, {
          args: [{ decision, reviewer: user.email, text, reason: input.reason ?? undefined, decisionId: input.decisionId ?? undefined }],
          updateId: input.decisionId ? `decision:${input.decisionId}` : undefined,
        });
        return caseView(row, ctx.deps, state);
      } catch (error) {
        throw asCodedError(error, id);
      }
    },
  },
};

function asCodedError(error: unknown, id: string): unknown {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const code = (error.cause.type ?? 'BAD_INPUT') as ErrorCode;
    return codedError(code, error.cause.message);
  }
  // The workflow has closed (sent, expired, …): there is nothing left to decide.
  if (error instanceof WorkflowNotFoundError || /already completed|workflow execution.*(completed|closed)/i.test(String((error as Error)?.message))) {
    return codedError('NOT_AWAITING_REVIEW', `case ${id} is closed and no longer awaits a decision`);
  }
  return error;
}
