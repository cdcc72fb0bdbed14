// What admins configure: forbidden topics, their own rules, outbound rule modes. Stored in PostgreSQL as
// versioned JSON; compiled once per version into a ready engine (see compileRuleSet).
import type { ForbiddenTopic } from './rules/topics.js';
import type { RuleClass, Severity } from './engine/rule.js';
import type { OutboundMode } from './screen-outbound.js';

export interface CustomRule {
  id: string;
  class: RuleClass;
  severity: Severity;
  description?: string;
  /** Word patterns (engine/pattern.ts); any one decides. */
  phrases?: string[];
  /** A regular expression over the normalised text (lower case, accents removed); checked for safety. */
  regex?: string;
}

export interface RuleSetConfig {
  topics: ForbiddenTopic[];
  customRules: CustomRule[];
  /** Built-in inbound rules switched off, by id. */
  disabledRules: string[];
  /** Mode per outbound rule id; rules not listed keep their default. */
  outboundModes: Record<string, OutboundMode | 'off'>;
}
