import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { RuleSetConfig } from '../../guardrails/rule-set.js';

/**
 * Every saved guardrail rule set, never edited in place: the newest row is in force. Its id is the rule set
 * version shown in screening results and backtests.
 */
export const GuardrailRuleSetSchema = defineEntity({
  name: 'GuardrailRuleSet',
  tableName: 'guardrail_rule_sets',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    config: p.json<RuleSetConfig>(),
    createdBy: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type GuardrailRuleSet = InferEntity<typeof GuardrailRuleSetSchema>;
