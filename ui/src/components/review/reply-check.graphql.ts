import { graphql } from '../../generated';
import type { CheckReplyQuery } from '../../generated/graphql';

export const CHECK_REPLY_QUERY = graphql(`
  query CheckReply($caseId: ID!, $text: String!) {
    checkReply(caseId: $caseId, text: $text) { verdict problems { rule blocking description excerpt } }
  }
`);

export type ReplyCheck = CheckReplyQuery['checkReply'];
