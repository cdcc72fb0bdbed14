// Redaction for the drafter and the logs: each PII span becomes a token numbered per type, and the same
// value always gets the same token, so "⟨EMAIL_1⟩ … ⟨EMAIL_1⟩" still tells the model it is one address.
import type { GuardrailFinding } from '../types.js';

/** Replaces each PII span with a token numbered per type, the same value always getting the same token. */
export function redact(text: string, findings: GuardrailFinding[]): string {
  return redactWithTokens(text, findings).text;
}

/** Like redact, also returning which value each token stands for (token → value). */
export function redactWithTokens(text: string, findings: GuardrailFinding[]): { text: string; values: Map<string, string> } {
  const tokens = new Map<string, string>();
  const values = new Map<string, string>();
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
      values.set(token, value);
    }
    out += text.slice(cursor, finding.start) + token;
    cursor = finding.end;
  }
  return { text: out + text.slice(cursor), values };
}

const TOKEN = /⟨[A-Z_]+_\d+⟩/g;

/**
 * Puts the customer's own values back where a reply uses their tokens ("we will write to ⟨EMAIL_1⟩").
 * Tokens with no value stay as they are, and outbound screening blocks them.
 */
export function restoreTokens(text: string, values: Map<string, string>): string {
  return text.replace(TOKEN, (token) => values.get(token) ?? token);
}
