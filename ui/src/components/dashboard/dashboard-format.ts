import type { Channel } from '../../types';

/** 42 → "42 s", 240 → "4 min", 5400 → "1 h 30 min"; null (nothing decided) → "—". */
export function durationLabel(seconds: number | null | undefined): string {
  if (seconds == null) return '—';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return rest ? `${Math.floor(minutes / 60)} h ${rest} min` : `${minutes / 60} h`;
}

/** A part of a whole as a percentage; "—" when the whole is zero. */
export function shareLabel(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—';
}

export const CHANNEL_ORDER: Channel[] = ['SMS', 'WHATSAPP', 'WEBCHAT', 'EMAIL'];
export const CHANNEL_COLOURS: Record<Channel, string> = {
  SMS: 'var(--color-primary)',
  WHATSAPP: 'var(--color-success)',
  WEBCHAT: 'var(--color-info)',
  EMAIL: 'var(--color-warning)',
};
