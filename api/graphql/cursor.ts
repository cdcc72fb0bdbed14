import { codedError } from './errors.js';

/** A keyset position: the sort timestamp and the id that breaks ties. Opaque to clients. */
export type Cursor = [at: string, id: string];

export function encodeCursor(at: Date, id: string | number): string {
  return Buffer.from(JSON.stringify([at.toISOString(), String(id)] satisfies Cursor)).toString('base64url');
}

export function decodeCursor(cursor: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(value) && value.length === 2 && !Number.isNaN(Date.parse(value[0])) && typeof value[1] === 'string') {
      return value as Cursor;
    }
  } catch {
    // fall through to the coded error
  }
  throw codedError('BAD_INPUT', 'after is not a cursor from this API');
}

/** `first` checked against the page size limits, with the default when absent. */
export function pageSize(first: number | null | undefined, fallback: number, max: number): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > max) throw codedError('BAD_INPUT', `first must be between 1 and ${max}`);
  return size;
}

/** An ISO 8601 argument as a Date, or a coded error naming the argument. */
export function parseInstant(value: string | null | undefined, name: string): Date | undefined {
  if (value == null) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw codedError('BAD_INPUT', `${name} is not an ISO 8601 time, e.g. 2026-12-01T09:00:00Z`);
  return at;
}
