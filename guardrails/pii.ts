import type { GuardrailFinding } from './types.js';

interface PiiPattern {
  type: string;
  pattern: RegExp;
}

// Deliberately strict shapes: a false PII hit hides useful text from the drafter.
const PATTERNS: PiiPattern[] = [
  { type: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g },
  { type: 'phone', pattern: /(?<![\w+])\+?\d[\d\s().-]{7,}\d(?!\w)/g },
];

export function findPii(text: string): GuardrailFinding[] {
  const findings: GuardrailFinding[] = [];
  for (const { type, pattern } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const digits = match[0].replace(/\D/g, '').length;
      if (type === 'phone' && (digits < 8 || digits > 15)) continue;
      findings.push({ rule: `pii.${type}`, class: 'pii', severity: 'medium', start: match.index, end: match.index + match[0].length });
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}

/** Replaces each PII span with a token numbered per type, the same value always getting the same token. */
export function redact(text: string, findings: GuardrailFinding[]): string {
  const tokens = new Map<string, string>();
  const counters = new Map<string, number>();
  let out = '';
  let cursor = 0;
  for (const finding of findings.filter((f) => f.class === 'pii')) {
    if (finding.start < cursor) continue;
    const type = finding.rule.replace(/^pii\./, '').toUpperCase();
    const value = text.slice(finding.start, finding.end);
    let token = tokens.get(`${type}:${value}`);
    if (!token) {
      const n = (counters.get(type) ?? 0) + 1;
      counters.set(type, n);
      token = `⟨${type}_${n}⟩`;
      tokens.set(`${type}:${value}`, token);
    }
    out += text.slice(cursor, finding.start) + token;
    cursor = finding.end;
  }
  return out + text.slice(cursor);
}
