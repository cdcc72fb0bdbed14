import type { CaseEvent } from '../types';
import { gql } from './useGraphQL';

export const CASE_EVENTS_SUBSCRIPTION = gql<{ caseEvents: CaseEvent | null }>('subscription CaseEvents { caseEvents { caseId type stage at } }');
