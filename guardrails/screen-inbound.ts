import { normalise } from './normalise.js';
import { findPii, redact } from './pii.js';
import { BUILT_IN_RULES, type InboundRule } from './rules.js';
import type { GuardrailClassification, GuardrailFinding, ScreenResult } from './types.js';

const SEVERITY_ORDER: GuardrailClassification[] = ['security_violation', 'out_of_scope', 'in_scope'];

/**
 * Classifies one inbound message. Deterministic and synchronous: the screening activity calls it, and so
 * do GraphQL's tester and the evaluation script.
 */
export function screenInbound(text: string, rules: InboundRule[] = BUILT_IN_RULES): ScreenResult {
  const normalised = normalise(text);
  const findings: GuardrailFinding[] = [];
  for (const rule of rules) {
    const match = rule.pattern.exec(normalised);
    if (match) {
      findings.push({ rule: rule.id, class: rule.class, severity: rule.severity, start: match.index, end: match.index + match[0].length });
    }
  }
  const pii = findPii(text);
  const classification =
    SEVERITY_ORDER.find((c) => findings.some((f) => f.class === c)) ?? 'in_scope';
  return { classification, findings: [...findings, ...pii], redacted: redact(text, pii) };
}
