import { gql } from '../composables/useGraphQL';
import type { Channel } from '../types';

export interface DashboardData {
  from: string;
  to: string;
  volume: { channel: Channel; count: number }[];
  volumeByDay: { day: string; channel: Channel; count: number }[];
  autoSent: number;
  humanDecided: number;
  blocked: number;
  timeToDecision: { count: number; p50Seconds: number | null; p90Seconds: number | null };
  escalations: number;
  slaBreaches: number;
  guardrailHits: { class: string; rule: string; count: number }[];
  intents: IntentOutcome[];
}

export interface IntentOutcome {
  intent: string;
  reviewed: number;
  approved: number;
  edited: number;
  rejected: number;
  autoSent: number;
  acceptanceRate: number | null;
  editRate: number | null;
}

/** The supervisor's figures for the cases opened in [from, to) (api/dashboard/dashboard-queries.ts). */
export const DASHBOARD_QUERY = gql<{ dashboard: DashboardData }, { from: string; to: string }>(`
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
