// What screening says about a message or a reply: its class and the findings behind it. Shared by the
// guardrail, the case, the read model and the API; imports nothing.

export type GuardrailClassification = 'security_violation' | 'out_of_scope' | 'in_scope';

export interface GuardrailFinding {
  rule: string;
  class: GuardrailClassification | 'pii' | 'outbound';
  severity: 'low' | 'medium' | 'high';
  start: number;
  end: number;
}

/** How an outbound rule treats a reply that breaks it. */
export type OutboundMode = 'block' | 'warn' | 'off';

/** The admin's outbound rule modes by rule id, from the guardrail rule set in force; unlisted rules keep their own. */
export type OutboundModes = Record<string, OutboundMode>;
