import { gql } from '../composables/useGraphQL';
import type { User } from '../types';

export const LOGIN_MUTATION = gql<{ login: { token: string; user: User } }, { email: string; password: string }>(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      user { id email role }
    }
  }
`);
