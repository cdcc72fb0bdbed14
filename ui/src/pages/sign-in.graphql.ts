import { graphql } from '../generated';

/** Sets the HTTP-only session cookie; the answer carries the user, never the token. */
export const SIGN_IN_MUTATION = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      user { id email role }
      expiresAt
    }
  }
`);
