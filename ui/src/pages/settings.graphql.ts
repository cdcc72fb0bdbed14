import { gql } from '../composables/useGraphQL';

export type SettingSource = 'DATABASE' | 'ENVIRONMENT' | 'DEFAULT';
/** A setting's value as the JSON scalar carries it. */
export type SettingValue = number | string | string[] | Record<string, number> | null;

export interface EffectiveSetting {
  key: string;
  value: SettingValue;
  source: SettingSource;
  environmentVariable: string | null;
  fallback: SettingValue;
  description: string;
}

export interface SettingsVersion {
  version: number;
  createdBy: string;
  createdAt: string;
  changes: { key: string; before: SettingValue; after: SettingValue }[];
}

const SETTING_FIELDS = 'key value source environmentVariable fallback description';

export const SETTINGS_QUERY = gql<{ effectiveSettings: EffectiveSetting[]; settingsVersions: SettingsVersion[] }>(`
  query Settings {
    effectiveSettings { ${SETTING_FIELDS} }
    settingsVersions(first: 20) { version createdBy createdAt changes { key before after } }
  }
`);

export const UPDATE_SETTINGS_MUTATION = gql<
  { updateSettings: EffectiveSetting[] },
  { changes: { key: string; value: SettingValue }[] }
>(`
  mutation UpdateSettings($changes: [SettingChangeInput!]!) {
    updateSettings(changes: $changes) { ${SETTING_FIELDS} }
  }
`);
