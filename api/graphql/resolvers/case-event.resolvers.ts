import { CaseSchema } from '../../../db/entities/index.js';
import type { CaseEvent } from '../../../db/case-events.js';
import { requireUser } from '../context.js';
import type { CaseStage, Resolvers } from '../generated/resolvers-types.js';
import { caseView } from './case-view.js';

/** One case's events, for a console showing that case. */
async function* onlyCase(events: AsyncGenerator<CaseEvent>, caseId: string): AsyncGenerator<CaseEvent> {
  for await (const event of events) if (event.caseId === caseId) yield event;
}

export const caseEventResolvers: Resolvers = {
  Subscription: {
    caseEvents: {
      subscribe(_, { caseId }, ctx) {
        requireUser(ctx);
        const events = ctx.deps.caseEvents.subscribe(ctx.request.signal);
        return caseId ? onlyCase(events, caseId) : events;
      },
      resolve: (event: CaseEvent) => event,
    },
  },
  CaseEvent: {
    stage: (event) => event.stage.toUpperCase() as CaseStage,
    async case(event, _, ctx) {
      // A fresh fork per event: a long-lived subscription must not serve rows from a stale identity map.
      const row = await ctx.deps.orm.em.fork().findOne(CaseSchema, { id: event.caseId });
      return row ? caseView(row, ctx.deps) : null;
    },
  },
};
