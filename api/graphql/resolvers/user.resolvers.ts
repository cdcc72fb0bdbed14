import { passwordProblem } from '../../../auth/password-policy.js';
import { hashPassword, verifyPassword } from '../../../auth/passwords.js';
import { revokeAllTokens } from '../../../auth/tokens.js';
import { AuditEventSchema, UserSchema, type User } from '../../../db/entities/index.js';
import { isUuid } from '../../customers/customer-records.js';
import { ADMINS, requireUser, SUPERVISORS, type GraphQLContext } from '../context.js';
import { codedError } from '../errors.js';
import type { Resolvers } from '../generated/resolvers-types.js';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

async function isLastEnabledAdmin(ctx: GraphQLContext, user: User): Promise<boolean> {
  if (user.role !== 'ADMIN' || user.disabledAt) return false;
  return (await ctx.em.count(UserSchema, { role: 'ADMIN', disabledAt: null })) <= 1;
}

/** Accounts: each user's own password; admins manage the rest; supervisors read the list to hand cases to reviewers. */
export const userResolvers: Resolvers = {
  Query: {
    me: (_, __, ctx) => ctx.user,
    async users(_, __, ctx) {
      requireUser(ctx, SUPERVISORS);
      return ctx.em.find(UserSchema, {}, { orderBy: { email: 'asc' } });
    },
  },
  Mutation: {
    async createUser(_, { input }, ctx) {
      const admin = requireUser(ctx, ADMINS);
      const email = input.email.trim().toLowerCase();
      if (!EMAIL.test(email) || email.length > 254) throw codedError('BAD_INPUT', `${input.email} is not an email address`);
      const problem = passwordProblem(input.password, email);
      if (problem) throw codedError('BAD_INPUT', problem);
      if (await ctx.em.count(UserSchema, { email })) throw codedError('BAD_INPUT', `there is already a user ${email}`);
      const user = ctx.em.create(UserSchema, { email, role: input.role, passwordHash: await hashPassword(input.password) });
      ctx.em.create(AuditEventSchema, { actor: admin.email, type: 'user_created', detail: { user: email, role: input.role } });
      await ctx.em.flush();
      return user;
    },
    async updateUser(_, { id, input }, ctx) {
      const admin = requireUser(ctx, ADMINS);
      const user = isUuid(id) ? await ctx.em.findOne(UserSchema, { id }) : null;
      if (!user) throw codedError('NOT_FOUND', `no user ${id}`);
      const demoting = (input.role && input.role !== 'ADMIN') || input.disabled === true;
      if (demoting && (await isLastEnabledAdmin(ctx, user))) {
        throw codedError('BAD_INPUT', `${user.email} is the only enabled admin; make another admin first`);
      }
      if (input.password != null) {
        const problem = passwordProblem(input.password, user.email);
        if (problem) throw codedError('BAD_INPUT', problem);
      }
      const before = { role: user.role, disabled: Boolean(user.disabledAt) };
      if (input.role) user.role = input.role;
      if (input.disabled != null) user.disabledAt = input.disabled ? user.disabledAt ?? new Date() : null;
      if (input.password != null) user.passwordHash = await hashPassword(input.password);
      const after = { role: user.role, disabled: Boolean(user.disabledAt) };
      ctx.em.create(AuditEventSchema, {
        actor: admin.email, type: 'user_updated', detail: { user: user.email, before, after, passwordReset: input.password != null },
      });
      await ctx.em.flush();
      // A disabled account or a reset password ends every session and token at once, not at expiry.
      if (input.disabled || input.password != null) await revokeAllTokens(ctx.em, user);
      return user;
    },
    async changePassword(_, { currentPassword, newPassword }, ctx) {
      const user = requireUser(ctx);
      if (!(await verifyPassword(user.passwordHash, currentPassword))) throw codedError('BAD_INPUT', 'the current password is wrong');
      const problem = passwordProblem(newPassword, user.email);
      if (problem) throw codedError('BAD_INPUT', problem);
      user.passwordHash = await hashPassword(newPassword);
      ctx.em.create(AuditEventSchema, { actor: user.email, type: 'password_changed', detail: { user: user.email } });
      await ctx.em.flush();
      // Whoever knew the old password may hold a session: only the one making the change survives.
      await revokeAllTokens(ctx.em, user, ctx.token ?? undefined);
      return user;
    },
  },
  User: {
    disabled: (user) => Boolean(user.disabledAt),
    createdAt: (user) => user.createdAt.toISOString(),
    lastLoginAt: (user) => user.lastLoginAt?.toISOString() ?? null,
  },
};
