import { graphql } from '../generated';
import type { BacktestQuery, GuardrailClass, RuleSetFieldsFragment, TestGuardrailsQuery } from '../generated/graphql';

graphql(`
  fragment RuleSetFields on RuleSet {
    version createdBy createdAt
    topics { id name phrases neutralReply }
    customRules { id class severity description phrases regex }
    builtInRules { id class severity description score enabled }
    outboundModes { rule mode }
    outboundRules { id description defaultMode mode }
  }
`);

export const RULE_SET_QUERY = graphql(`
  query RuleSet($version: Int) { ruleSet(version: $version) { ...RuleSetFields } }
`);

export const SAVE_RULE_SET_MUTATION = graphql(`
  mutation SaveRuleSet($input: RuleSetInput!) { saveRuleSet(input: $input) { ...RuleSetFields } }
`);

export const TEST_GUARDRAILS_QUERY = graphql(`
  query TestGuardrails($text: String!, $ruleSetVersion: Int) {
    testGuardrails(text: $text, ruleSetVersion: $ruleSetVersion) {
      classification redacted ruleSetVersion elapsedMs
      findings { rule class severity start end }
      segments { text rules }
    }
  }
`);

export const BACKTEST_QUERY = graphql(`
  query Backtest($ruleSetVersion: Int!, $sinceDays: Int!) {
    backtestGuardrails(ruleSetVersion: $ruleSetVersion, sinceDays: $sinceDays) {
      ruleSetVersion sinceDays messagesScanned changedCount
      changes { caseId redactedText before after rules }
    }
  }
`);

export type RuleSet = RuleSetFieldsFragment;
export type ForbiddenTopic = RuleSet['topics'][number];
export type CustomRule = RuleSet['customRules'][number];
export type BuiltInRule = RuleSet['builtInRules'][number];
export type OutboundRule = RuleSet['outboundRules'][number];
export type GuardrailVerdict = TestGuardrailsQuery['testGuardrails'];
export type GuardrailBacktest = BacktestQuery['backtestGuardrails'];
export type { GuardrailClass, OutboundMode, RuleSetInput, RuleSeverity } from '../generated/graphql';

export const CLASS_LABELS: Record<GuardrailClass, string> = {
  SECURITY_VIOLATION: 'Security violation',
  OUT_OF_SCOPE: 'Out of scope',
  IN_SCOPE: 'In scope',
};
