import { gql } from '../../composables/useGraphQL';

export interface ReplyProblem {
  rule: string;
  blocking: boolean;
  description: string;
  excerpt: string;
}

export interface ReplyCheck {
  verdict: 'CLEAN' | 'WARN' | 'BLOCK';
  problems: ReplyProblem[];
}

export const CHECK_REPLY_QUERY = gql<{ checkReply: ReplyCheck }, { caseId: string; text: string }>(`
  query CheckReply($caseId: ID!, $text: String!) {
    checkReply(caseId: $caseId, text: $text) { verdict problems { rule blocking description excerpt } }
  }
`);
