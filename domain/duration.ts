// Durations as operators write them in env vars and settings: "90s", "15m", "2h", "1d", "500ms".
// Pure and sandbox-safe: used by workflow code (deadlines) and by config validation alike.

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/;

export function parseDuration(text: string): number {
  const match = DURATION.exec(text);
  if (!match) {
    throw new Error(`"${text}" is not a duration; write a number and a unit, e.g. 90s, 15m, 2h`);
  }
  const ms = Number(match[1]) * UNIT_MS[match[2]!]!;
  if (ms <= 0) throw new Error(`duration "${text}" must be longer than zero`);
  return ms;
}
