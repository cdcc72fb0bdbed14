import { graphql } from '../../generated';

/** Revokes the session and clears its cookie (the console cannot: the cookie is HTTP-only). */
export const LOGOUT_MUTATION = graphql(`
  mutation Logout {
    logout
  }
`);
