import { computed, readonly, ref } from 'vue';
import type { User } from '../types';

export const TOKEN_KEY = 'countersign.token';

function readToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null; // storage can be disabled (privacy modes); the console then works for one page load
  }
}

function writeToken(token: string | null): void {
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    // see readToken
  }
}

// Module-level state: one session for the whole console.
const token = ref<string | null>(readToken());
const user = ref<User | null>(null);

// Signing out (or in) in another tab applies here too.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== TOKEN_KEY) return;
    token.value = event.newValue;
    user.value = null;
  });
}

export function useSession() {
  return {
    token: readonly(token),
    user: readonly(user),
    isSignedIn: computed(() => token.value !== null),
    signIn(newToken: string, newUser: User): void {
      writeToken(newToken);
      token.value = newToken;
      user.value = newUser;
    },
    setUser(newUser: User | null): void {
      user.value = newUser;
    },
    clear(): void {
      writeToken(null);
      token.value = null;
      user.value = null;
    },
  };
}

/** For non-component code (router guard, fetch client). */
export const currentToken = (): string | null => token.value;
