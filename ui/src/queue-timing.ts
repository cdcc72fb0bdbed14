// The queue's clocks: how long a case has left, and who holds it. No imports, so unit tests load it on its own
// (tests/unit/console-format.test.ts) under the Node type-check as well as in the console.

export interface TimeLeft {
  label: string;
  tone: 'neutral' | 'warning' | 'danger';
}

/** SLA countdown to a review deadline: "12 min left", "1 h 5 min left", a warning under 5 minutes, then "Overdue". */
export function timeLeft(deadline: string | null | undefined, now = Date.now()): TimeLeft | null {
  if (!deadline) return null;
  const end = Date.parse(deadline);
  if (Number.isNaN(end)) return null;
  const ms = end - now;
  if (ms <= 0) return { label: 'Overdue', tone: 'danger' };
  const minutes = Math.ceil(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const label = hours > 0 ? (rest > 0 ? `${hours} h ${rest} min left` : `${hours} h left`) : `${minutes} min left`;
  return { label, tone: ms < 5 * 60_000 ? 'warning' : 'neutral' };
}

/** Who holds a claimed case: "You" for the signed-in reviewer, else "Held by <email>"; null once the claim lapsed. */
export function heldBy(claimedBy: string | null | undefined, claimedUntil: string | null | undefined, me: string | null | undefined, now = Date.now()): string | null {
  if (!claimedBy || (claimedUntil && Date.parse(claimedUntil) <= now)) return null;
  return me && claimedBy.toLowerCase() === me.toLowerCase() ? 'You' : `Held by ${claimedBy}`;
}
