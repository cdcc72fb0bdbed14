// Between the guardrail's own shapes (lower-case classes, a config object) and the schema's.
import type { Guardrail } from '../../../guardrails/guardrail.js';
import type { CustomRule, RuleSetConfig } from '../../../guardrails/rule-set.js';
import { SECURITY_RULES } from '../../../guardrails/rules/index.js';
import { OUTBOUND_LEAK_RULES, OUTBOUND_RULES, type OutboundVerdict } from '../../../guardrails/screen-outbound.js';
import { codedError } from '../errors.js';
import type { GuardrailClass, OutboundMode, ReplyCheck, RuleSet, RuleSetInput, RuleSeverity } from '../generated/resolvers-types.js';

export function toConfig(input: RuleSetInput): RuleSetConfig {
  for (const item of [...input.topics, ...input.customRules]) {
    if (!/^[a-z0-9_-]{1,64}$/i.test(item.id)) throw codedError('BAD_INPUT', `id "${item.id}": use 1 to 64 letters, digits, - or _`);
  }
  const customRules: CustomRule[] = input.customRules.map((rule) => {
    if (rule.class === 'IN_SCOPE') throw codedError('BAD_INPUT', `custom rule "${rule.id}": class must be SECURITY_VIOLATION or OUT_OF_SCOPE`);
    return {
      id: rule.id,
      class: rule.class.toLowerCase() as CustomRule['class'],
      severity: rule.severity.toLowerCase() as CustomRule['severity'],
      ...(rule.description ? { description: rule.description } : {}),
      ...(rule.phrases?.length ? { phrases: rule.phrases } : {}),
      ...(rule.regex ? { regex: rule.regex } : {}),
    };
  });
  const known = new Set(SECURITY_RULES.map((r) => r.id));
  for (const id of input.disabledRules ?? []) if (!known.has(id)) throw codedError('BAD_INPUT', `no built-in rule "${id}"`);
  const outbound = new Set(OUTBOUND_RULES.map((r) => r.id));
  for (const { rule } of input.outboundModes ?? []) if (!outbound.has(rule)) throw codedError('BAD_INPUT', `no outbound rule "${rule}"`);
  return {
    topics: input.topics.map((t) => ({ id: t.id, name: t.name, phrases: t.phrases, neutralReply: t.neutralReply ?? null })),
    customRules,
    disabledRules: input.disabledRules ?? [],
    outboundModes: Object.fromEntries((input.outboundModes ?? []).map((m) => [m.rule, m.mode.toLowerCase() as 'block' | 'warn' | 'off'])),
  };
}

export function ruleSetView(guardrail: Guardrail, row: { createdBy: string; createdAt: Date } | null): RuleSet {
  const disabled = new Set(guardrail.config.disabledRules);
  return {
    version: guardrail.version,
    topics: guardrail.config.topics,
    customRules: guardrail.config.customRules.map((r) => ({ ...r, class: r.class.toUpperCase() as GuardrailClass, severity: r.severity.toUpperCase() as RuleSeverity, phrases: r.phrases ?? [], regex: r.regex ?? null })),
    builtInRules: SECURITY_RULES.map((r) => ({
      id: r.id,
      class: r.class.toUpperCase() as GuardrailClass,
      severity: r.severity.toUpperCase() as RuleSeverity,
      description: r.description ?? null,
      score: r.score,
      enabled: !disabled.has(r.id),
    })),
    outboundModes: Object.entries(guardrail.config.outboundModes).map(([rule, mode]) => ({ rule, mode: mode.toUpperCase() as OutboundMode })),
    outboundRules: OUTBOUND_RULES.map((r) => ({
      id: r.id,
      description: r.description,
      defaultMode: r.mode.toUpperCase() as OutboundMode,
      mode: (guardrail.config.outboundModes[r.id] ?? r.mode).toUpperCase() as OutboundMode,
    })),
    createdBy: row?.createdBy ?? null,
    createdAt: row?.createdAt.toISOString() ?? null,
  };
}

function describeOutbound(rule: string): string {
  const known = [...OUTBOUND_RULES, ...OUTBOUND_LEAK_RULES].find((r) => r.id === rule);
  if (known) return known.description;
  // Foreign PII findings are named per kind, e.g. outbound.foreign_pii.email.
  return rule.startsWith('outbound.foreign_') ? OUTBOUND_LEAK_RULES[1].description : rule;
}

export function replyCheckView(reply: string, verdict: OutboundVerdict): ReplyCheck {
  return {
    verdict: verdict.verdict.toUpperCase() as ReplyCheck['verdict'],
    problems: verdict.findings.map((f) => ({
      rule: f.rule,
      blocking: f.severity === 'high',
      description: describeOutbound(f.rule),
      excerpt: reply.slice(f.start, f.end),
      start: f.start,
      end: f.end,
    })),
  };
}
