import { graphql } from '../generated';
import type { MeQuery } from '../generated/graphql';

/** Null, not an error, when the session cookie is missing, expired or revoked. */
export const ME_QUERY = graphql(`
  query Me {
    me { id email role }
  }
`);

/** The signed-in user as the console keeps them. */
export type User = NonNullable<MeQuery['me']>;
