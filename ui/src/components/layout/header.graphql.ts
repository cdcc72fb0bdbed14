import { gql } from '../../composables/useGraphQL';
import type { User } from '../../types';

export const ME_QUERY = gql<{ me: User | null }>(`
  query Me {
    me { id email role }
  }
`);

export const LOGOUT_MUTATION = gql<{ logout: boolean }>(`
  mutation Logout {
    logout
  }
`);
