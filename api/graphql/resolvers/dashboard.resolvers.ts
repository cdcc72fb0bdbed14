// The supervisor's view: figures over a period and what each team member holds now. The figures are
// defined where they are computed, in api/dashboard/dashboard-queries.ts.
import { UserSchema } from '../../../db/entities/index.js';
import { loadDashboard, loadTeamLoad, type DashboardRange } from '../../dashboard/dashboard-queries.js';
import { requireUser, SUPERVISORS } from '../context.js';
import { codedError } from '../errors.js';
import type { QueryDashboardArgs, Resolvers } from '../generated/resolvers-types.js';

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 7;
const MAX_DAYS = 366;
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export const dashboardResolvers = {
  Query: {
    async dashboard(_, args, ctx) {
      requireUser(ctx, SUPERVISORS);
      const range = dashboardRange(args);
      return { from: range.from.toISOString(), to: range.to.toISOString(), ...(await loadDashboard(ctx.em, range)) };
    },
    async teamLoad(_, __, ctx) {
      requireUser(ctx, SUPERVISORS);
      const [users, load] = await Promise.all([
        ctx.em.find(UserSchema, { disabledAt: null }, { orderBy: { email: 'asc' } }),
        loadTeamLoad(ctx.em),
      ]);
      return users.map((user) => ({ user, claimed: 0, decidedToday: 0, ...load.get(user.email) }));
    },
  },
} satisfies Resolvers;

/** [from, to): the last 7 days by default, at most 366 so one request cannot scan years of cases. */
function dashboardRange(args: Partial<QueryDashboardArgs>): DashboardRange {
  const to = args.to == null ? new Date() : parseInstant('to', args.to);
  const from = args.from == null ? new Date(to.getTime() - DEFAULT_DAYS * DAY_MS) : parseInstant('from', args.from);
  if (from >= to) throw codedError('BAD_INPUT', `from (${from.toISOString()}) must be before to (${to.toISOString()})`);
  if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS) throw codedError('BAD_INPUT', `from and to may be at most ${MAX_DAYS} days apart`);
  return { from, to };
}

/**
 * An ISO 8601 date or date-time. A time without a zone is read as UTC, as the days of volumeByDay are:
 * JavaScript would read it in the server's zone. Checked by hand too, as `new Date('2024-02-30')` is March 1.
 */
function parseInstant(name: 'from' | 'to', value: string): Date {
  const match = ISO_8601.exec(value.trim());
  const [, year, month, day, time, , , zone] = match ?? [];
  const at = new Date(match ? `${year}-${month}-${day}${time ? `${time}${zone ? '' : 'Z'}` : ''}` : NaN);
  const calendarDay = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (Number.isNaN(at.getTime()) || calendarDay.getUTCDate() !== Number(day)) {
    throw codedError('BAD_INPUT', `${name} must be an ISO 8601 date or time such as 2024-03-07 or 2024-03-07T09:30:00Z, not "${value}"`);
  }
  return at;
}
