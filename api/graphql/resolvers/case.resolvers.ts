// Every Case field: the queue and one case, the decisions and claims sent to its workflow, and the fields
// that load more than the case row (its messages, conversation, timeline, edit diff).
import type { FilterQuery } from '@mikro-orm/core';
import { readCaseTimeline } from '../../audit/audit-query.js';
import { editDiff } from '../../cases/edit-diff.js';
import { caseReplies } from '../../customers/customer-records.js';
import { CaseSchema, ConversationSchema, MessageSchema, UserSchema, type Case } from '../../../db/entities/index.js';
import { MAX_REPLY_LENGTH, type DecisionKind } from '../../../domain/case.js';
import { claimUpdate, decideUpdate, escalateUpdate, reassignUpdate, releaseUpdate } from '../../../workflows/contract.js';
import { requireUser, SUPERVISORS } from '../context.js';
import { decodeCursor, encodeCursor, pageSize } from '../cursor.js';
import { codedError } from '../errors.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { caseWhere } from './case-filter.js';
import { onCase } from './case-updates.js';
import { caseView } from './case-view.js';
import { auditEntry } from './audit-entry.resolvers.js';
import { messageView } from './message-view.js';

const REVIEW_ROLES = ['REVIEWER', 'SUPERVISOR', 'ADMIN'] as const;
const MAX_REASON = 500;

/**
 * Decisions and claims go to the case as Updates: the workflow validates them and answers with the
 * resulting state. The decisionId doubles as the Update ID, so a repeated click is one decision.
 */
export const caseResolvers: Resolvers = {
  Query: {
    async cases(_, { stage, filter, order, first, after }, ctx) {
      requireUser(ctx);
      const size = pageSize(first, 50, 200);
      // Built twice: a raw SQL fragment (the text search) may only be used by one query.
      const where = caseWhere(stage, filter);
      const newestFirst = order === 'NEWEST_FIRST';
      const total = await ctx.em.count(CaseSchema, where);
      const page = caseWhere(stage, filter) as Record<string, unknown>;
      if (after) {
        // Keyset pagination: stable under inserts, no OFFSET scans.
        const [at, id] = decodeCursor(after);
        const beyond = newestFirst ? '$lt' : '$gt';
        page.$or = [{ createdAt: { [beyond]: new Date(at) } }, { createdAt: new Date(at), id: { [beyond]: id } }];
      }
      const direction = newestFirst ? 'desc' : 'asc';
      const rows = await ctx.em.find(CaseSchema, page as FilterQuery<Case>, { orderBy: { createdAt: direction, id: direction }, limit: size + 1 });
      const edges = rows.slice(0, size).map((row) => ({ cursor: encodeCursor(row.createdAt, row.id), node: caseView(row, ctx.deps) }));
      return {
        edges,
        totalCount: total,
        pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
      };
    },
    async case(_, { id }, ctx) {
      requireUser(ctx);
      const row = await ctx.em.findOne(CaseSchema, { id });
      return row ? caseView(row, ctx.deps) : null;
    },
  },
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
    // A supervisor's hand on the queue: skipping the first review tier, and giving a case to a reviewer.
    escalateCase(_, { id, reason }, ctx) {
      const supervisor = requireUser(ctx, SUPERVISORS);
      if (reason && reason.length > MAX_REASON) throw codedError('BAD_INPUT', `the reason may have at most ${MAX_REASON} characters`);
      return onCase(ctx, id, (handle) => handle.executeUpdate(escalateUpdate, { args: [{ supervisor: supervisor.email, reason: reason ?? undefined }] }));
    },
    async reassignCase(_, { id, reviewer }, ctx) {
      const supervisor = requireUser(ctx, SUPERVISORS);
      // The workflow cannot look users up; the API makes sure the case goes to someone who can decide it.
      const target = await ctx.em.findOne(UserSchema, { email: reviewer.trim().toLowerCase() });
      if (!target || target.disabledAt) throw codedError('BAD_INPUT', `${reviewer} is not an enabled user`);
      return onCase(ctx, id, (handle) => handle.executeUpdate(reassignUpdate, { args: [{ supervisor: supervisor.email, reviewer: target.email }] }));
    },
  },
  Case: {
    async attachments({ inboundMessageId }, _, ctx) {
      return (await ctx.em.findOne(MessageSchema, { id: inboundMessageId }))?.attachments ?? [];
    },
    async replies({ id }, _, ctx) {
      return (await caseReplies(ctx.em, id)).map(messageView);
    },
    async conversation({ conversationId }, _, ctx) {
      return ctx.em.findOneOrFail(ConversationSchema, { id: conversationId });
    },
    // Whoever may read the case may read its steps; they carry nothing the case page does not show.
    async timeline(parent, _, ctx) {
      requireUser(ctx);
      return (await readCaseTimeline(ctx.em, parent.id)).map(auditEntry);
    },
    editDiff(parent) {
      if (parent.decision !== 'EDIT' || parent.draft == null || parent.reply == null) return null;
      return editDiff(parent.draft, parent.reply);
    },
  },
};
