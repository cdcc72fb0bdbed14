import type { GuardrailFinding } from './types.js';

export interface TextSegment {
  text: string;
  rules: string[];
}

/** Cuts a text at every finding boundary, so each segment is covered by a fixed set of rules (or none). */
export function segmentText(text: string, findings: GuardrailFinding[]): TextSegment[] {
  const cuts = new Set([0, text.length]);
  for (const f of findings) {
    cuts.add(Math.max(0, Math.min(text.length, f.start)));
    cuts.add(Math.max(0, Math.min(text.length, f.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (start === end) continue;
    const rules = findings.filter((f) => f.start <= start && f.end >= end).map((f) => f.rule);
    const last = segments.at(-1);
    if (last && last.rules.join() === rules.join()) last.text += text.slice(start, end);
    else segments.push({ text: text.slice(start, end), rules });
  }
  return segments;
}
