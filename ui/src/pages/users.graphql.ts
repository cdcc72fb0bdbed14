import { graphql } from '../generated';
import type { ManagedUserFragment } from '../generated/graphql';

graphql(`
  fragment ManagedUser on User { id email role disabled createdAt lastLoginAt }
`);

export const USERS_QUERY = graphql(`
  query Users { users { ...ManagedUser } }
`);

export const CREATE_USER_MUTATION = graphql(`
  mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ...ManagedUser } }
`);

export const UPDATE_USER_MUTATION = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ...ManagedUser } }
`);

export type ManagedUser = ManagedUserFragment;
