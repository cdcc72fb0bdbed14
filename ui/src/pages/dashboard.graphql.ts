import { graphql } from '../generated';
import type { DashboardQuery } from '../generated/graphql';

/** The supervisor's figures for the cases opened in [from, to) (api/dashboard/dashboard-queries.ts). */
export const DASHBOARD_QUERY = graphql(`
  query Dashboard($from: String!, $to: String!) {
    dashboard(from: $from, to: $to) {
      from to
      volume { channel count }
      volumeByDay { day channel count }
      autoSent humanDecided blocked
      timeToDecision { count p50Seconds p90Seconds }
      escalations slaBreaches
      guardrailHits { class rule count }
      intents { intent reviewed approved edited rejected autoSent acceptanceRate editRate }
    }
  }
`);

export type DashboardData = DashboardQuery['dashboard'];
export type IntentOutcome = DashboardData['intents'][number];
