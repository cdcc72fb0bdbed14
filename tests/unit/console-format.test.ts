// The console's pure formatting: the SLA countdown and who holds a case.
import { describe, expect, it } from 'vitest';
import { heldBy, timeLeft } from '../../ui/src/queue-timing.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();
const MIN = 60_000;

describe('timeLeft', () => {
  it('counts minutes, rounding up so a case never looks later than it is', () => {
    expect(timeLeft(at(12 * MIN), NOW)).toEqual({ label: '12 min left', tone: 'neutral' });
    expect(timeLeft(at(11 * MIN + 1_000), NOW)?.label).toBe('12 min left');
  });
  it('shows hours and minutes past an hour', () => {
    expect(timeLeft(at(65 * MIN), NOW)).toEqual({ label: '1 h 5 min left', tone: 'neutral' });
    expect(timeLeft(at(120 * MIN), NOW)?.label).toBe('2 h left');
  });
  it('warns under five minutes', () => {
    expect(timeLeft(at(5 * MIN), NOW)?.tone).toBe('neutral');
    expect(timeLeft(at(5 * MIN - 1), NOW)).toEqual({ label: '5 min left', tone: 'warning' });
    expect(timeLeft(at(3 * MIN), NOW)).toEqual({ label: '3 min left', tone: 'warning' });
    expect(timeLeft(at(10_000), NOW)).toEqual({ label: '1 min left', tone: 'warning' });
  });
  it('is overdue once the deadline passed', () => {
    expect(timeLeft(at(0), NOW)).toEqual({ label: 'Overdue', tone: 'danger' });
    expect(timeLeft(at(-90 * MIN), NOW)).toEqual({ label: 'Overdue', tone: 'danger' });
  });
  it('has nothing to show without a deadline', () => {
    expect(timeLeft(null, NOW)).toBeNull();
    expect(timeLeft(undefined, NOW)).toBeNull();
    expect(timeLeft('not a date', NOW)).toBeNull();
  });
});

describe('heldBy', () => {
  it('names the holder while the claim lasts', () => {
    expect(heldBy('ana@example.com', at(MIN), 'me@example.com', NOW)).toBe('Held by ana@example.com');
    expect(heldBy('Me@Example.com', at(MIN), 'me@example.com', NOW)).toBe('You');
  });
  it('is empty once the claim lapsed or nobody holds it', () => {
    expect(heldBy('ana@example.com', at(-1), 'me@example.com', NOW)).toBeNull();
    expect(heldBy(null, at(MIN), 'me@example.com', NOW)).toBeNull();
  });
});
