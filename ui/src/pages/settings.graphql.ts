import { graphql } from '../generated';
import type { SettingFieldsFragment, SettingsQuery } from '../generated/graphql';

graphql(`
  fragment SettingFields on EffectiveSetting { key value source environmentVariable fallback description }
`);

export const SETTINGS_QUERY = graphql(`
  query Settings {
    effectiveSettings { ...SettingFields }
    settingsVersions(first: 20) { version createdBy createdAt changes { key before after } }
  }
`);

export const UPDATE_SETTINGS_MUTATION = graphql(`
  mutation UpdateSettings($changes: [SettingChangeInput!]!) {
    updateSettings(changes: $changes) { ...SettingFields }
  }
`);

export type EffectiveSetting = SettingFieldsFragment;
export type SettingsVersion = SettingsQuery['settingsVersions'][number];
