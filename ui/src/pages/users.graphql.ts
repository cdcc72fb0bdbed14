import { gql } from '../composables/useGraphQL';
import type { Role } from '../types';

export interface ManagedUser {
  id: string;
  email: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

const USER_FIELDS = 'id email role disabled createdAt lastLoginAt';

export const USERS_QUERY = gql<{ users: ManagedUser[] }>(`
  query Users { users { ${USER_FIELDS} } }
`);

export const CREATE_USER_MUTATION = gql<{ createUser: ManagedUser }, { input: { email: string; role: Role; password: string } }>(`
  mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }
`);

export const UPDATE_USER_MUTATION = gql<
  { updateUser: ManagedUser },
  { id: string; input: { role?: Role; disabled?: boolean; password?: string } }
>(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ${USER_FIELDS} } }
`);
