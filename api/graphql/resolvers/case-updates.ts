// Sending an Update to a case's workflow from a resolver, with the workflow's refusals as coded errors.
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { CaseSchema } from '../../../db/entities/index.js';
import type { CaseState } from '../../../domain/case.js';
import type { GraphQLContext } from '../context.js';
import { codedError, type ErrorCode } from '../errors.js';
import { caseView } from './case-view.js';

type Handle = ReturnType<GraphQLContext['deps']['temporal']['workflow']['getHandle']>;

export async function onCase(ctx: GraphQLContext, id: string, update: (handle: Handle) => Promise<CaseState>) {
  const row = await ctx.em.findOne(CaseSchema, { id });
  if (!row) throw codedError('NOT_FOUND', `no case ${id}`);
  try {
    return caseView(row, ctx.deps, await update(ctx.deps.temporal.workflow.getHandle(id)));
  } catch (error) {
    throw asCodedError(error, id);
  }
}

function asCodedError(error: unknown, id: string): unknown {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    return codedError((error.cause.type ?? 'BAD_INPUT') as ErrorCode, error.cause.message);
  }
  // The workflow has closed (sent, expired, …): there is nothing left to decide.
  if (error instanceof WorkflowNotFoundError || /already completed|workflow execution.*(completed|closed)/i.test(String((error as Error)?.message))) {
    return codedError('NOT_AWAITING_REVIEW', `case ${id} is closed and no longer awaits a decision`);
  }
  return error;
}
