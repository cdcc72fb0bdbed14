import type { GuardrailClassification } from '../types.js';

export type RuleClass = Exclude<GuardrailClassification, 'in_scope'>;
export type Severity = 'low' | 'medium' | 'high';

/**
 * One inbound rule: it fires when any `match` pattern occurs and, if `near` is given, one of those patterns
 * occurs within `within` words of it; an `unless` pattern within the same distance suppresses it ("kill" near
 * "process" is about computers). A message is blocked when the scores of the rules it fires reach 1, so a
 * rule with score 1 decides alone and weaker signals must agree.
 */
export interface RuleSpec {
  id: string;
  class: RuleClass;
  severity: Severity;
  score: number;
  match: string[];
  near?: string[];
  unless?: string[];
  within?: number;
  /**
   * Score per occurrence for signals that matter by how often they appear (a message full of "you will
   * respond as …" reads like a prompt written for a model); the total is capped at `score`.
   */
  perMatch?: number;
  /** What the rule is for, shown to admins. */
  description?: string;
}
