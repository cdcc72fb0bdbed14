// Settings are stored as case policy versions (table policy_versions): each save writes a whole new row of
// overrides, never edits one, so every case can name the version it ran under and history is complete.
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEventSchema, PolicyVersionSchema } from '../db/entities/index.js';
import { mergePolicy } from '../domain/policy.js';
import type { SettingLayers } from './effective-settings.js';
import { settingDefinition, SETTING_DEFINITIONS } from './setting-definitions.js';
import { valueAt, withValueAt } from './setting-paths.js';
import type { SettingsDocument } from './settings-document.js';

export class SettingsError extends Error {
  override name = 'SettingsError';
}

export interface SettingChange {
  key: string;
  before: unknown;
  after: unknown;
}

type Overrides = Record<string, unknown>;

/** Merges key by key like a case policy; the branding beside it merges the same way. */
function mergeDocument(environment: SettingsDocument, overrides: Overrides, version: number): SettingsDocument {
  return mergePolicy(environment, overrides, version) as SettingsDocument;
}

async function newestOverrides(em: EntityManager): Promise<{ version: number; overrides: Overrides }> {
  const [latest] = await em.find(PolicyVersionSchema, {}, { orderBy: { id: 'desc' }, limit: 1 });
  return { version: latest?.id ?? 0, overrides: (latest?.overrides ?? {}) as Overrides };
}

export async function loadSettingLayers(em: EntityManager, environment: SettingsDocument, variablesSet: readonly string[]): Promise<SettingLayers> {
  const { version, overrides } = await newestOverrides(em);
  return { environment, variablesSet, overrides, inForce: mergeDocument(environment, overrides, version) };
}

function changesBetween(environment: SettingsDocument, before: Overrides, after: Overrides): SettingChange[] {
  const was = mergeDocument(environment, before, 0);
  const is = mergeDocument(environment, after, 0);
  return SETTING_DEFINITIONS
    .map(({ key }) => ({ key, before: valueAt(was, key) ?? null, after: valueAt(is, key) ?? null }))
    .filter((change) => JSON.stringify(change.before) !== JSON.stringify(change.after));
}

/**
 * Validates every change first (all problems in one message), then writes one new version and its audit
 * event in one transaction. Saves are serialised so two admins at once cannot lose each other's change.
 */
export async function saveSettings(
  em: EntityManager, actor: string, requested: { key: string; value?: unknown }[], environment: SettingsDocument,
): Promise<{ version: number; changes: SettingChange[] }> {
  const problems: string[] = [];
  const seen = new Set<string>();
  const checked = requested.map(({ key, value }) => {
    const definition = settingDefinition(key);
    if (!definition) problems.push(`${key}: no such setting`);
    else if (seen.has(key)) problems.push(`${key}: changed twice in one request`);
    seen.add(key);
    if (!definition || value === null || value === undefined) return { key, value: undefined };
    const result = definition.check(value);
    if ('error' in result) problems.push(`${key}: ${result.error}`);
    return { key, value: 'error' in result ? undefined : result.value };
  });
  if (!requested.length) problems.push('no changes given');
  if (problems.length) throw new SettingsError(problems.join('; '));

  return em.transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(hashtext('policy_versions'))`);
    const { version, overrides } = await newestOverrides(tx);
    const next = checked.reduce((tree, { key, value }) => withValueAt(tree, key, value), overrides);
    const changes = changesBetween(environment, overrides, next);
    if (JSON.stringify(next) === JSON.stringify(overrides)) return { version, changes };
    const row = tx.create(PolicyVersionSchema, { overrides: next, createdBy: actor });
    await tx.flush();
    tx.create(AuditEventSchema, { actor, type: 'settings_changed', detail: { version: row.id, changes } });
    await tx.flush();
    return { version: row.id, changes };
  });
}

export interface SettingsVersionView {
  version: number;
  createdBy: string;
  createdAt: string;
  changes: SettingChange[];
}

/** The newest `first` versions, each with what it changed against the one before it. */
export async function settingsHistory(em: EntityManager, environment: SettingsDocument, first: number): Promise<SettingsVersionView[]> {
  const rows = await em.find(PolicyVersionSchema, {}, { orderBy: { id: 'desc' }, limit: first + 1 });
  return rows.slice(0, first).map((row, index) => ({
    version: row.id,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    changes: changesBetween(environment, (rows[index + 1]?.overrides ?? {}) as Overrides, row.overrides as Overrides),
  }));
}
