import type { User } from '../types';
import { gql } from './useGraphQL';

/** Null, not an error, when the session cookie is missing, expired or revoked. */
export const ME_QUERY = gql<{ me: User | null }>(`
  query Me {
    me { id email role }
  }
`);
