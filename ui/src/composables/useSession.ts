import { computed, readonly, ref } from 'vue';
import type { Role } from '../types';
import type { User } from './session.graphql';

/**
 * Who was signed in, as a hint for the first paint only: the session itself is an HTTP-only cookie that
 * script never sees, and confirmSession (useSessionCheck.ts) asks the server before trusting this.
 * localStorage rather than sessionStorage because its `storage` event carries sign-out to other tabs.
 */
export const USER_HINT_KEY = 'countersign.user';

const ROLES: readonly Role[] = ['REVIEWER', 'SUPERVISOR', 'ADMIN'];

function parseUser(raw: string | null): User | null {
  try {
    const value = JSON.parse(raw ?? 'null') as Partial<User> | null;
    if (!value || typeof value.id !== 'string' || typeof value.email !== 'string' || !ROLES.includes(value.role as Role)) return null;
    return { id: value.id, email: value.email, role: value.role as Role };
  } catch {
    return null; // a hand-edited value: no hint, the server decides
  }
}

function readHint(): User | null {
  try {
    return parseUser(localStorage.getItem(USER_HINT_KEY));
  } catch {
    return null; // storage can be disabled (privacy modes); the cookie still works, the first paint just waits for `me`
  }
}

function writeHint(user: User | null): void {
  try {
    if (user) localStorage.setItem(USER_HINT_KEY, JSON.stringify({ id: user.id, email: user.email, role: user.role }));
    else localStorage.removeItem(USER_HINT_KEY);
  } catch {
    // see readHint
  }
}

// Module-level state: one session for the whole console.
const user = ref<User | null>(readHint());

// Signing out (or in) in another tab applies here too: the cookie is shared by every tab anyway.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === USER_HINT_KEY || event.key === null) user.value = parseUser(event.newValue);
  });
}

export function useSession() {
  return {
    user: readonly(user),
    isSignedIn: computed(() => user.value !== null),
    /** After signIn or `me`: the server vouched for this user. */
    setUser(newUser: User): void {
      writeHint(newUser);
      user.value = { id: newUser.id, email: newUser.email, role: newUser.role };
    },
    clear(): void {
      writeHint(null);
      user.value = null;
    },
  };
}

/** For non-component code (router guard, fetch client). */
export const currentUser = (): User | null => user.value;
