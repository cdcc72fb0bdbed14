import { UserSchema } from '../../../db/entities/index.js';
import { escalateUpdate, reassignUpdate } from '../../../workflows/contract.js';
import { requireUser, SUPERVISORS } from '../context.js';
import { codedError } from '../errors.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { onCase } from './case-updates.js';

const MAX_REASON = 500;

/** A supervisor's hand on the queue: skipping the first review tier, and giving a case to a reviewer. */
export const supervisorResolvers: Resolvers = {
  Mutation: {
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
};
