import { performance } from 'node:perf_hooks';
import { CaseSchema, GuardrailRuleSetSchema } from '../../../db/entities/index.js';
import { activeGuardrail, guardrailVersion, RuleSetError, saveRuleSet } from '../../../db/guardrail-rule-sets.js';
import type { Guardrail } from '../../../guardrails/guardrail.js';
import type { CustomRule, RuleSetConfig } from '../../../guardrails/rule-set.js';
import { SECURITY_RULES } from '../../../guardrails/rules/index.js';
import { segmentText } from '../../../guardrails/segments.js';
import { requireUser, type GraphQLContext } from '../context.js';
import { codedError } from '../errors.js';

const MAX_TEST_LENGTH = 20_000;
const MAX_BACKTEST_DAYS = 365;
const MAX_BACKTEST_MESSAGES = 50_000;
const MAX_LISTED_CHANGES = 200;

interface RuleSetInput {
  topics: Array<{ id: string; name: string; phrases: string[]; neutralReply?: string | null }>;
  customRules: Array<{ id: string; class: string; severity: string; description?: string | null; phrases?: string[] | null; regex?: string | null }>;
  disabledRules?: string[] | null;
  outboundModes?: Array<{ rule: string; mode: string }> | null;
}

export const guardrailsResolvers = {
  Query: {
    async testGuardrails(_: unknown, args: { text: string; ruleSetVersion?: number | null }, ctx: GraphQLContext) {
      requireUser(ctx);
      if (args.text.length > MAX_TEST_LENGTH) throw codedError('BAD_INPUT', `text is limited to ${MAX_TEST_LENGTH} characters`);
      const guardrail = await resolveVersion(ctx, args.ruleSetVersion);
      const started = performance.now();
      const result = guardrail.screen(args.text);
      const elapsedMs = performance.now() - started;
      return {
        classification: result.classification.toUpperCase(),
        findings: result.findings,
        segments: segmentText(args.text, result.findings),
        redacted: result.redacted,
        ruleSetVersion: guardrail.version,
        elapsedMs,
      };
    },
    async ruleSet(_: unknown, args: { version?: number | null }, ctx: GraphQLContext) {
      requireUser(ctx, ['SUPERVISOR', 'ADMIN']);
      const guardrail = args.version == null ? await activeGuardrail(ctx.em) : await guardrailVersion(ctx.em, args.version);
      if (!guardrail) return null;
      const row = guardrail.version ? await ctx.em.findOne(GuardrailRuleSetSchema, { id: guardrail.version }) : null;
      return ruleSetView(guardrail, row);
    },
    async ruleSets(_: unknown, args: { first?: number | null }, ctx: GraphQLContext) {
      requireUser(ctx, ['SUPERVISOR', 'ADMIN']);
      const first = Math.min(Math.max(args.first ?? 20, 1), 100);
      const rows = await ctx.em.find(GuardrailRuleSetSchema, {}, { orderBy: { id: 'desc' }, limit: first });
      const views = [];
      for (const row of rows) views.push(ruleSetView((await guardrailVersion(ctx.em, row.id))!, row));
      return views;
    },
    async backtestGuardrails(_: unknown, args: { ruleSetVersion: number; sinceDays: number }, ctx: GraphQLContext) {
      requireUser(ctx, ['ADMIN']);
      if (!Number.isInteger(args.sinceDays) || args.sinceDays < 1 || args.sinceDays > MAX_BACKTEST_DAYS) {
        throw codedError('BAD_INPUT', `sinceDays must be between 1 and ${MAX_BACKTEST_DAYS}`);
      }
      const guardrail = await resolveVersion(ctx, args.ruleSetVersion);
      const since = new Date(Date.now() - args.sinceDays * 86_400_000);
      const rows = await ctx.em.find(
        CaseSchema,
        { createdAt: { $gte: since } },
        { fields: ['id', 'inboundText', 'classification', 'createdAt'], orderBy: { createdAt: 'desc' }, limit: MAX_BACKTEST_MESSAGES },
      );
      const changes = [];
      for (const row of rows) {
        const result = guardrail.screen(row.inboundText);
        if (row.classification === result.classification) continue;
        changes.push({
          caseId: row.id,
          redactedText: result.redacted,
          before: row.classification?.toUpperCase() ?? null,
          after: result.classification.toUpperCase(),
          rules: result.findings.filter((f) => f.class === 'security_violation' || f.class === 'out_of_scope').map((f) => f.rule),
        });
      }
      return {
        ruleSetVersion: guardrail.version,
        sinceDays: args.sinceDays,
        messagesScanned: rows.length,
        changedCount: changes.length,
        changes: changes.slice(0, MAX_LISTED_CHANGES),
      };
    },
  },
  Mutation: {
    async saveRuleSet(_: unknown, args: { input: RuleSetInput }, ctx: GraphQLContext) {
      const user = requireUser(ctx, ['ADMIN']);
      const config = toConfig(args.input);
      let guardrail: Guardrail;
      try {
        guardrail = await saveRuleSet(ctx.em, config, user.email);
      } catch (error) {
        if (error instanceof RuleSetError) throw codedError('BAD_INPUT', error.message);
        throw error;
      }
      const row = await ctx.em.fork().findOne(GuardrailRuleSetSchema, { id: guardrail.version });
      return ruleSetView(guardrail, row);
    },
  },
};

async function resolveVersion(ctx: GraphQLContext, version: number | null | undefined): Promise<Guardrail> {
  if (version == null) return activeGuardrail(ctx.em);
  const guardrail = await guardrailVersion(ctx.em, version);
  if (!guardrail) throw codedError('NOT_FOUND', `no guardrail rule set version ${version}`);
  return guardrail;
}

function toConfig(input: RuleSetInput): RuleSetConfig {
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
  return {
    topics: input.topics.map((t) => ({ id: t.id, name: t.name, phrases: t.phrases, neutralReply: t.neutralReply ?? null })),
    customRules,
    disabledRules: input.disabledRules ?? [],
    outboundModes: Object.fromEntries((input.outboundModes ?? []).map((m) => [m.rule, m.mode.toLowerCase() as 'block' | 'warn' | 'off'])),
  };
}

function ruleSetView(guardrail: Guardrail, row: { createdBy: string; createdAt: Date } | null) {
  const disabled = new Set(guardrail.config.disabledRules);
  return {
    version: guardrail.version,
    topics: guardrail.config.topics,
    customRules: guardrail.config.customRules.map((r) => ({ ...r, class: r.class.toUpperCase(), severity: r.severity.toUpperCase(), phrases: r.phrases ?? [], regex: r.regex ?? null })),
    builtInRules: SECURITY_RULES.map((r) => ({
      id: r.id,
      class: r.class.toUpperCase(),
      severity: r.severity.toUpperCase(),
      description: r.description ?? null,
      score: r.score,
      enabled: !disabled.has(r.id),
    })),
    outboundModes: Object.entries(guardrail.config.outboundModes).map(([rule, mode]) => ({ rule, mode: mode.toUpperCase() })),
    createdBy: row?.createdBy ?? null,
    createdAt: row?.createdAt.toISOString() ?? null,
  };
}
