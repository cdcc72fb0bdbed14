import { performance } from 'node:perf_hooks';
import { CaseSchema, GuardrailRuleSetSchema } from '../../../db/entities/index.js';
import { activeGuardrail, guardrailVersion, RuleSetError, saveRuleSet } from '../../../db/guardrail-rule-sets.js';
import type { Guardrail } from '../../../guardrails/guardrail.js';
import { segmentText } from '../../../guardrails/segments.js';
import { ADMINS, requireUser, SUPERVISORS, type GraphQLContext } from '../context.js';
import { codedError } from '../errors.js';
import type { GuardrailClass, Resolvers } from '../generated/resolvers-types.js';
import { ruleSetView, toConfig } from './guardrail-views.js';

const MAX_TEST_LENGTH = 20_000;
const MAX_BACKTEST_DAYS = 365;
const MAX_BACKTEST_MESSAGES = 50_000;
const MAX_LISTED_CHANGES = 200;

/** Guardrail rule sets: the one in force, its versions, a new one, and what a version says of a text or of past messages. */
export const ruleSetResolvers: Resolvers = {
  Query: {
    async testGuardrails(_, args, ctx) {
      requireUser(ctx);
      if (args.text.length > MAX_TEST_LENGTH) throw codedError('BAD_INPUT', `text is limited to ${MAX_TEST_LENGTH} characters`);
      const guardrail = await resolveVersion(ctx, args.ruleSetVersion);
      const started = performance.now();
      const result = guardrail.screen(args.text);
      const elapsedMs = performance.now() - started;
      return {
        classification: result.classification.toUpperCase() as GuardrailClass,
        findings: result.findings,
        segments: segmentText(args.text, result.findings),
        redacted: result.redacted,
        ruleSetVersion: guardrail.version,
        elapsedMs,
      };
    },
    async ruleSet(_, args, ctx) {
      requireUser(ctx, SUPERVISORS);
      const guardrail = args.version == null ? await activeGuardrail(ctx.em) : await guardrailVersion(ctx.em, args.version);
      if (!guardrail) return null;
      const row = guardrail.version ? await ctx.em.findOne(GuardrailRuleSetSchema, { id: guardrail.version }) : null;
      return ruleSetView(guardrail, row);
    },
    async ruleSets(_, args, ctx) {
      requireUser(ctx, SUPERVISORS);
      const first = Math.min(Math.max(args.first ?? 20, 1), 100);
      const rows = await ctx.em.find(GuardrailRuleSetSchema, {}, { orderBy: { id: 'desc' }, limit: first });
      const views = [];
      for (const row of rows) views.push(ruleSetView((await guardrailVersion(ctx.em, row.id))!, row));
      return views;
    },
    async backtestGuardrails(_, args, ctx) {
      requireUser(ctx, ADMINS);
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
          before: (row.classification?.toUpperCase() ?? null) as GuardrailClass | null,
          after: result.classification.toUpperCase() as GuardrailClass,
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
    async saveRuleSet(_, args, ctx) {
      const user = requireUser(ctx, ADMINS);
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
