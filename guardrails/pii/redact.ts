// Redaction for the drafter and the logs: each PII span becomes a token numbered per type, and the same
// value always gets the same token, so "⟨EMAIL_1⟩ … ⟨EMAIL_1⟩" still tells the model it is one address.
import type { GuardrailFinding } from '../types.js';

/** Replaces each PII span with a token numbered per type, the same value always getting the same token. */
export function redact(text: string, findings: GuardrailFinding[]): string {
  const tokens = new Map<string, string>();
  const counters = new Map<string, number>();
  let out = '';
  let cursor = 0;
  const spans = findings.filter((f) => f.class === 'pii').sort((a, b) => a.start - b.start || b.end - a.end);
  for (const finding of spans) {
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
