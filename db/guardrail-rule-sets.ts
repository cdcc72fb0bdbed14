// Loading and saving guardrail rule sets. Compiling is done once per version and kept per process; the
// newest version is looked up at most once a second, so a rule set saved through GraphQL is in force on
// every worker and API instance within a second, without a restart.
import type { EntityManager } from '@mikro-orm/core';
import { builtInGuardrail, Guardrail, RuleSetError } from '../guardrails/guardrail.js';
import type { RuleSetConfig } from '../guardrails/rule-set.js';
import { AuditEventSchema, GuardrailRuleSetSchema } from './entities/index.js';

const FRESHNESS_MS = 1_000;
const compiled = new Map<number, Guardrail>();
let newest: { version: number; checkedAt: number } | undefined;

/** The rule set in force: the newest saved version, or the built-in rules when none was saved. */
export async function activeGuardrail(em: EntityManager): Promise<Guardrail> {
  const now = Date.now();
  if (!newest || now - newest.checkedAt > FRESHNESS_MS) {
    const rows = await em.fork().find(GuardrailRuleSetSchema, {}, { orderBy: { id: 'desc' }, limit: 1, fields: ['id'] });
    newest = { version: rows[0]?.id ?? 0, checkedAt: now };
  }
  return (await guardrailVersion(em, newest.version)) ?? builtInGuardrail();
}

/** A given version, compiled; version 0 is the built-in rule set. Undefined when no such version exists. */
export async function guardrailVersion(em: EntityManager, version: number): Promise<Guardrail | undefined> {
  if (version === 0) return builtInGuardrail();
  const cached = compiled.get(version);
  if (cached) return cached;
  const row = await em.fork().findOne(GuardrailRuleSetSchema, { id: version });
  if (!row) return undefined;
  const guardrail = new Guardrail(row.config, row.id);
  compiled.set(version, guardrail);
  return guardrail;
}

/**
 * Validates and stores a new version (compiling it is the validation: a bad pattern or an unsafe regex
 * throws RuleSetError with the reason) and records who changed what in the audit.
 */
export async function saveRuleSet(em: EntityManager, config: RuleSetConfig, actor: string): Promise<Guardrail> {
  const check = new Guardrail(config);
  const previous = await activeGuardrail(em);
  const fork = em.fork();
  const row = fork.create(GuardrailRuleSetSchema, { config, createdBy: actor });
  fork.create(AuditEventSchema, {
    actor,
    type: 'guardrail_rule_set_saved',
    detail: { before: { version: previous.version, config: previous.config }, after: { config } },
  });
  await fork.flush();
  const guardrail = new Guardrail(check.config, row.id);
  compiled.set(row.id, guardrail);
  newest = { version: row.id, checkedAt: Date.now() };
  return guardrail;
}

export { RuleSetError };
