import { gql } from '../composables/useGraphQL';
import type { User } from '../types';

/** Sets the HTTP-only session cookie; the answer carries the user, never the token. */
export const SIGN_IN_MUTATION = gql<{ signIn: { user: User; expiresAt: string } }, { email: string; password: string }>(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      user { id email role }
      expiresAt
    }
  }
`);
