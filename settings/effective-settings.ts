// Which value of each setting is in force and why: database override > environment variable > default.
import { SETTING_DEFINITIONS } from './setting-definitions.js';
import { hasValueAt, valueAt } from './setting-paths.js';
import type { SettingsDocument } from './settings-document.js';

export type SettingSource = 'DATABASE' | 'ENVIRONMENT' | 'DEFAULT';

export interface EffectiveSetting {
  key: string;
  value: unknown;
  source: SettingSource;
  environmentVariable: string | null;
  fallback: unknown;
  description: string;
}

export interface SettingLayers {
  /** The policy from built-in defaults and environment variables (what runs with no override). */
  environment: SettingsDocument;
  /** Names of the setting environment variables that are set. */
  variablesSet: readonly string[];
  /** The newest stored overrides. */
  overrides: Record<string, unknown>;
  /** `environment` merged with `overrides`: the policy in force. */
  inForce: SettingsDocument;
}

export function effectiveSettings(layers: SettingLayers): EffectiveSetting[] {
  return SETTING_DEFINITIONS.map((definition) => {
    const variable = definition.environmentVariable ?? null;
    const source: SettingSource = hasValueAt(layers.overrides, definition.key)
      ? 'DATABASE'
      : variable && layers.variablesSet.includes(variable) ? 'ENVIRONMENT' : 'DEFAULT';
    return {
      key: definition.key,
      value: valueAt(layers.inForce, definition.key) ?? null,
      source,
      environmentVariable: variable,
      fallback: valueAt(layers.environment, definition.key) ?? null,
      description: definition.description,
    };
  });
}
