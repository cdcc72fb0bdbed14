import { ref, watch } from 'vue';
import type { HandsetChannel } from '../types';

const STORAGE_KEY = 'countersign.handset';

interface StoredHandset {
  number: string;
  channel: HandsetChannel;
  profileName: string;
}

/** A random North American number in the 555 range: fictional, and unlikely to meet another tester's. */
export function randomHandsetNumber(): string {
  return `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
}

function read(): Partial<StoredHandset> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return value && typeof value === 'object' ? (value as Partial<StoredHandset>) : {};
  } catch {
    return {}; // storage disabled or a hand-edited value: start afresh
  }
}

function write(value: StoredHandset): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(value));
  } catch {
    // storage disabled: the handset lasts for this page load only
  }
}

/**
 * The Phone page's handset, kept in localStorage so a tester returns to the same thread (and the same
 * customer) after a reload.
 */
export function useStoredHandset() {
  const saved = read();
  const number = ref(typeof saved.number === 'string' && saved.number ? saved.number : randomHandsetNumber());
  const channel = ref<HandsetChannel>(saved.channel === 'WHATSAPP' ? 'WHATSAPP' : 'SMS');
  const profileName = ref(typeof saved.profileName === 'string' ? saved.profileName : '');

  watch([number, channel, profileName], () => {
    write({ number: number.value, channel: channel.value, profileName: profileName.value });
  }, { immediate: true });

  return { number, channel, profileName };
}
