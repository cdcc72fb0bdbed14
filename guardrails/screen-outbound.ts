// Rules for what a reply may say, applied to AI drafts and to human edits alike. Pure and deterministic:
// the workflow runs it on every draft and the decide Update's validator runs it on every edit.
import { findPii, redactWithTokens } from './pii.js';
import type { GuardrailFinding } from './types.js';

export type OutboundMode = 'block' | 'warn';

interface OutboundRule {
  id: string;
  mode: OutboundMode;
  /** What a reviewer reads when their edit breaks the rule. */
  description: string;
  pattern: RegExp;
}

export const OUTBOUND_RULES: OutboundRule[] = [
  { id: 'outbound.guarantee', description: 'Promises or guarantees an outcome', mode: 'block', pattern: /\b(?:i|we)\s+(?:personally\s+)?(?:guarantee|promise)\b|\bguaranteed\b/i },
  { id: 'outbound.full_refund_promise', description: 'Promises a full refund', mode: 'block', pattern: /\b100\s?%\s+(?:refund|money back)|\b(?:full|complete)\s+refund\s+(?:is\s+)?(?:guaranteed|assured)|\bwe(?:'ll| will)\s+refund\s+(?:you\s+)?(?:in\s+full|everything)/i },
  { id: 'outbound.pricing_promise', description: 'Promises a price, a match or something free', mode: 'block', pattern: /\b(?:free of charge|at no (?:extra )?cost|we(?:'ll| will) (?:match|beat) (?:any|the|their) price|lifetime (?:discount|free))\b/i },
  { id: 'outbound.legal_advice', description: 'Gives legal advice', mode: 'block', pattern: /\b(?:you should|i (?:would )?advise you to|my advice is to)\s+(?:sue|file a (?:lawsuit|claim)|take legal action|not sign)/i },
  { id: 'outbound.medical_advice', description: 'Gives medical advice', mode: 'block', pattern: /\b(?:you should|i recommend (?:that )?you)\s+(?:take|stop taking|increase|double)\s+(?:your\s+)?(?:dose|medication|\d+\s?mg)/i },
  { id: 'outbound.feature_promise', description: 'Announces a feature or a date', mode: 'warn', pattern: /\b(?:will be (?:available|released|added) (?:soon|next (?:week|month))|coming (?:very )?soon)\b/i },
];

/** Checks not listed above, always blocking: they protect other customers' data. */
export const OUTBOUND_LEAK_RULES = [
  { id: 'outbound.leaked_token', description: 'Contains a PII token instead of the value' },
  { id: 'outbound.foreign_pii', description: 'Contains personal data the customer did not give' },
] as const;

// A PII token the drafter was given must never reach a customer verbatim.
const PII_TOKEN = /⟨[A-Z_]+_\d+⟩/g;

export interface OutboundVerdict {
  verdict: 'clean' | 'warn' | 'block';
  findings: GuardrailFinding[];
}

/**
 * Screens a reply. `inbound` is the customer's own message: PII that came from them may be echoed back,
 * PII from anywhere else (another customer) may not. `modes` are the admin's overrides per rule id.
 */
export function screenOutbound(reply: string, inbound: string, modes: Record<string, OutboundMode | 'off'> = {}): OutboundVerdict {
  const findings: GuardrailFinding[] = [];
  for (const rule of OUTBOUND_RULES) {
    const mode = modes[rule.id] ?? rule.mode;
    if (mode === 'off') continue;
    const match = rule.pattern.exec(reply);
    if (match) findings.push(finding(rule.id, mode, match.index, match[0].length));
  }
  // A token for the customer's own value is put back when the reply is sent; any other token is a leak.
  const own = redactWithTokens(inbound, findPii(inbound)).values;
  for (const match of reply.matchAll(PII_TOKEN)) {
    if (!own.has(match[0])) findings.push(finding('outbound.leaked_token', 'block', match.index, match[0].length));
  }
  for (const pii of findPii(reply)) {
    if (!inbound.includes(reply.slice(pii.start, pii.end))) {
      findings.push({ ...finding('outbound.foreign_pii', 'block', pii.start, pii.end - pii.start), rule: `outbound.foreign_${pii.rule}` });
    }
  }
  const verdict = findings.some((f) => f.severity === 'high') ? 'block' : findings.length ? 'warn' : 'clean';
  return { verdict, findings };
}

function finding(rule: string, mode: OutboundMode, start: number, length: number): GuardrailFinding {
  return { rule, class: 'outbound', severity: mode === 'block' ? 'high' : 'low', start, end: start + length };
}
