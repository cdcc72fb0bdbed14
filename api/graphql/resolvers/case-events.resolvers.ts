import { CaseSchema } from '../../../db/entities/index.js';
import type { CaseEvent } from '../../../db/case-events.js';
import { requireUser, type GraphQLContext } from '../context.js';
import { caseView } from './case-view.js';

export const caseEventsResolvers = {
  Subscription: {
    caseEvents: {
      subscribe(_: unknown, __: unknown, ctx: GraphQLContext) {
        requireUser(ctx);
        return ctx.deps.caseEvents.subscribe(ctx.request.signal);
      },
      resolve: (event: CaseEvent) => event,
    },
  },
  CaseEvent: {
    stage: (event: CaseEvent) => event.stage.toUpperCase(),
    async case(event: CaseEvent, _: unknown, ctx: GraphQLContext) {
      // A fresh fork per event: a long-lived subscription must not serve rows from a stale identity map.
      const row = await ctx.deps.orm.em.fork().findOne(CaseSchema, { id: event.caseId });
      return row ? caseView(row, ctx.deps) : null;
    },
  },
};
