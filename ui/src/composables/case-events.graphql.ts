import { graphql } from '../generated';
import type { CaseEventsSubscription } from '../generated/graphql';

export const CASE_EVENTS_SUBSCRIPTION = graphql(`
  subscription CaseEvents { caseEvents { caseId type stage at } }
`);

export type CaseEvent = CaseEventsSubscription['caseEvents'];
