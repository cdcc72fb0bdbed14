import { request } from '../composables/useGraphQL';
import { applyBranding, parseBranding, type Branding } from './apply-branding';
import { BRANDING_QUERY } from './branding.graphql';

/**
 * The last branding this browser saw, so the sign-in page and the first paint already look right; the
 * server's answer replaces it once someone is signed in.
 */
const STORAGE_KEY = 'countersign.branding';

let current: Branding = parseBranding(readStored());
let osListener: MediaQueryList | null = null;

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: defaults until the server answers
  }
}

function adopt(branding: Branding): void {
  current = branding;
  applyBranding(branding);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(branding));
  } catch {
    // see readStored
  }
}

/** Applies the stored branding and keeps the "system" theme following the OS while the page is open. */
export function startBranding(): void {
  applyBranding(current);
  if (typeof matchMedia !== 'function' || osListener) return;
  osListener = matchMedia('(prefers-color-scheme: light)');
  osListener.addEventListener('change', () => applyBranding(current));
}

/** Asks the server for the branding in force; a failure keeps what is shown. */
export async function refreshBranding(): Promise<void> {
  try {
    adopt((await request(BRANDING_QUERY)).branding);
  } catch {
    // the page's own requests report the error; the look can wait for the next load
  }
}
