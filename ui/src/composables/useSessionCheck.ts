import { ME_QUERY } from './session.graphql';
import { request } from './useGraphQL';
import { currentUser, useSession } from './useSession';

const session = useSession();
let check: Promise<void> | null = null;

/**
 * Asks the server, once per page load, whom the session cookie belongs to: the stored user is only a hint.
 * Null clears the user, and App.vue then leaves protected pages. A network failure keeps the hint: the
 * pages show their own errors, and the next answer that says UNAUTHENTICATED ends the session anyway.
 */
export function confirmSession(): Promise<void> {
  check ??= request(ME_QUERY).then(
    ({ me }) => (me ? session.setUser(me) : session.clear()),
    () => undefined,
  );
  return check;
}

/**
 * For the router guard. With a hint the first page paints at once while `me` runs; without one (first
 * visit, storage disabled, hint cleared) the guard waits for `me`, so a live cookie still counts.
 */
export async function hasSession(): Promise<boolean> {
  const pending = confirmSession();
  if (!currentUser()) await pending;
  return currentUser() !== null;
}
