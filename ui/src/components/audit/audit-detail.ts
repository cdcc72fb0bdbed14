/** `{ by: "a@b", reason: "x" }` → `by=a@b · reason=x`; the full JSON goes in the title. */
export function compactDetail(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail !== 'object' || Array.isArray(detail)) return JSON.stringify(detail);
  return Object.entries(detail)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
}

export const fullDetail = (detail: unknown): string => JSON.stringify(detail, null, 2);
