import { gql } from '../composables/useGraphQL';

export type GuardrailClass = 'SECURITY_VIOLATION' | 'OUT_OF_SCOPE' | 'IN_SCOPE';
export type RuleSeverity = 'LOW' | 'MEDIUM' | 'HIGH';

export interface ForbiddenTopic { id: string; name: string; phrases: string[]; neutralReply: string | null }
export interface CustomRule {
  id: string; class: GuardrailClass; severity: RuleSeverity; description: string | null; phrases: string[]; regex: string | null;
}
export interface BuiltInRule { id: string; class: GuardrailClass; severity: RuleSeverity; description: string | null; score: number; enabled: boolean }
export type OutboundMode = 'BLOCK' | 'WARN' | 'OFF';
export interface OutboundRuleMode { rule: string; mode: OutboundMode }
export interface OutboundRule { id: string; description: string; defaultMode: OutboundMode; mode: OutboundMode }
export interface RuleSet {
  version: number;
  topics: ForbiddenTopic[];
  customRules: CustomRule[];
  builtInRules: BuiltInRule[];
  outboundModes: OutboundRuleMode[];
  outboundRules: OutboundRule[];
  createdBy: string | null;
  createdAt: string | null;
}
export interface RuleSetInput {
  topics: ForbiddenTopic[];
  customRules: CustomRule[];
  disabledRules: string[];
  outboundModes: OutboundRuleMode[];
}
export interface GuardrailVerdict {
  classification: GuardrailClass;
  findings: { rule: string; class: string; severity: string; start: number; end: number }[];
  segments: { text: string; rules: string[] }[];
  redacted: string;
  ruleSetVersion: number;
  elapsedMs: number;
}
export interface GuardrailBacktest {
  ruleSetVersion: number;
  sinceDays: number;
  messagesScanned: number;
  changedCount: number;
  changes: { caseId: string; redactedText: string; before: GuardrailClass | null; after: GuardrailClass; rules: string[] }[];
}

const RULE_SET_FIELDS = `version createdBy createdAt
  topics { id name phrases neutralReply }
  customRules { id class severity description phrases regex }
  builtInRules { id class severity description score enabled }
  outboundModes { rule mode }
  outboundRules { id description defaultMode mode }`;

export const RULE_SET_QUERY = gql<{ ruleSet: RuleSet | null }, { version?: number }>(`
  query RuleSet($version: Int) { ruleSet(version: $version) { ${RULE_SET_FIELDS} } }
`);

export const SAVE_RULE_SET_MUTATION = gql<{ saveRuleSet: RuleSet }, { input: RuleSetInput }>(`
  mutation SaveRuleSet($input: RuleSetInput!) { saveRuleSet(input: $input) { ${RULE_SET_FIELDS} } }
`);

export const TEST_GUARDRAILS_QUERY = gql<{ testGuardrails: GuardrailVerdict }, { text: string; ruleSetVersion?: number }>(`
  query TestGuardrails($text: String!, $ruleSetVersion: Int) {
    testGuardrails(text: $text, ruleSetVersion: $ruleSetVersion) {
      classification redacted ruleSetVersion elapsedMs
      findings { rule class severity start end }
      segments { text rules }
    }
  }
`);

export const BACKTEST_QUERY = gql<{ backtestGuardrails: GuardrailBacktest }, { ruleSetVersion: number; sinceDays: number }>(`
  query Backtest($ruleSetVersion: Int!, $sinceDays: Int!) {
    backtestGuardrails(ruleSetVersion: $ruleSetVersion, sinceDays: $sinceDays) {
      ruleSetVersion sinceDays messagesScanned changedCount
      changes { caseId redactedText before after rules }
    }
  }
`);

export const CLASS_LABELS: Record<GuardrailClass, string> = {
  SECURITY_VIOLATION: 'Security violation',
  OUT_OF_SCOPE: 'Out of scope',
  IN_SCOPE: 'In scope',
};
