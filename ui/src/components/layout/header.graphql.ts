import { gql } from '../../composables/useGraphQL';

/** Revokes the session and clears its cookie (the console cannot: the cookie is HTTP-only). */
export const LOGOUT_MUTATION = gql<{ logout: boolean }>(`
  mutation Logout {
    logout
  }
`);
