// US Social Security numbers. The dashed 3-2-4 shape is distinctive enough on its own; nine bare or
// space-separated digits are an SSN only when introduced as one. Numbers the SSA never issues are ignored:
// area 000, 666 or 900–999, group 00, serial 0000.
import { lastCueBefore } from './context.js';
import type { PiiSpan } from './span.js';

const CANDIDATE = /(?<![\p{L}\p{N}_\-/.,])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\p{L}\p{N}_]|[\-/]\d|[.,]\d)/gu;
const SSN_CUE = /\b(?<ssn>ssn|social security|social sec)/g;

export function findSsns(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const [written, area = '', separator, group = '', serial = ''] = match;
    if (area === '000' || area === '666' || area.startsWith('9') || group === '00' || serial === '0000') continue;
    if (separator !== '-' && lastCueBefore(text, match.index, SSN_CUE) !== 'ssn') continue;
    spans.push({ type: 'ssn', start: match.index, end: match.index + written.length });
  }
  return spans;
}
