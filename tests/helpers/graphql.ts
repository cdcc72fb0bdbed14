import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../auth/passwords.js';
import { UserSchema, type Role } from '../../db/entities/index.js';
import type { Orm } from '../../db/orm.js';

export interface GraphQLResult<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function gql<T = Record<string, any>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<T>;
}

/**
 * A client address of its own (sent as X-Forwarded-For), so a test's failed sign-ins never count towards
 * the throttle of the address every other test signs in from.
 */
export function freshClientAddress(): string {
  const byte = () => Math.floor(Math.random() * 250) + 1;
  return `10.${byte()}.${byte()}.${byte()}`;
}

/** Creates a user directly in the database (as an admin would) and returns its credentials. */
export async function createUser(orm: Orm, role: Role = 'REVIEWER'): Promise<{ email: string; password: string }> {
  const email = `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@example.com`;
  const password = `pw-${randomUUID()}`;
  const em = orm.em.fork();
  em.create(UserSchema, { email, passwordHash: await hashPassword(password), role });
  await em.flush();
  return { email, password };
}

export async function signIn(baseUrl: string, orm: Orm, role: Role = 'REVIEWER'): Promise<{ email: string; token: string }> {
  const { email, password } = await createUser(orm, role);
  const result = await gql<{ login: { token: string } }>(baseUrl, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: password });
  if (!result.data?.login.token) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
  return { email, token: result.data.login.token };
}
