import { CaseSchema } from '../../../db/entities/index.js';
import { activeGuardrail } from '../../../db/guardrail-rule-sets.js';
import { MAX_REPLY_LENGTH } from '../../../domain/case.js';
import { requireUser } from '../context.js';
import { codedError } from '../errors.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { replyCheckView } from './guardrail-views.js';

/** What the outbound rules say of a reviewer's reply while they write it. */
export const replyCheckResolvers: Resolvers = {
  Query: {
    // The rule set in force now, which is the one a case took at its start unless an admin changed the
    // outbound modes since: the decision itself checks against the case's own snapshot.
    async checkReply(_, args, ctx) {
      requireUser(ctx);
      if (args.text.length > MAX_REPLY_LENGTH) throw codedError('BAD_INPUT', `a reply is limited to ${MAX_REPLY_LENGTH} characters`);
      const row = await ctx.em.findOne(CaseSchema, { id: args.caseId }, { fields: ['id', 'inboundText'] });
      if (!row) throw codedError('NOT_FOUND', `no case ${args.caseId}`);
      const guardrail = await activeGuardrail(ctx.em);
      return replyCheckView(args.text, guardrail.screenOutbound(args.text, row.inboundText));
    },
  },
};
