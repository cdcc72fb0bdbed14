// The settings as layers (database over environment over built-in default), for branding.resolvers.ts and
// effective-setting.resolvers.ts.
import { effectiveSettings } from '../../../settings/effective-settings.js';
import { settingsDocument } from '../../../settings/settings-document.js';
import { loadSettingLayers } from '../../../settings/policy-store.js';
import { defaultPolicy } from '../../../domain/policy.js';
import type { GraphQLContext } from '../context.js';

/** The settings with no database override: built-in defaults with the environment's values over them. */
export function environmentPolicy(ctx: GraphQLContext) {
  return settingsDocument(defaultPolicy(ctx.deps.config.timeouts));
}

export function settingLayers(ctx: GraphQLContext) {
  return loadSettingLayers(ctx.em, environmentPolicy(ctx), ctx.deps.config.settingsFromEnvironment);
}

export async function currentSettings(ctx: GraphQLContext) {
  return effectiveSettings(await settingLayers(ctx));
}
