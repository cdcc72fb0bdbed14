import { effectiveSettings } from '../../../settings/effective-settings.js';
import { settingsDocument } from '../../../settings/settings-document.js';
import { loadSettingLayers, saveSettings, settingsHistory, SettingsError } from '../../../settings/policy-store.js';
import { defaultPolicy } from '../../../domain/policy.js';
import { ADMINS, requireUser, type GraphQLContext } from '../context.js';
import { codedError } from '../errors.js';
import type { Resolvers } from '../generated/resolvers-types.js';

const MAX_VERSIONS = 200;

const toUpper = <T extends string>(value: T) => value.toUpperCase() as Uppercase<T>;

/** The settings with no database override: built-in defaults with the environment's values over them. */
function environmentPolicy(ctx: GraphQLContext) {
  return settingsDocument(defaultPolicy(ctx.deps.config.timeouts));
}

function settingLayers(ctx: GraphQLContext) {
  return loadSettingLayers(ctx.em, environmentPolicy(ctx), ctx.deps.config.settingsFromEnvironment);
}

async function currentSettings(ctx: GraphQLContext) {
  return effectiveSettings(await settingLayers(ctx));
}

/** Settings take effect for cases that start after the save: each case snapshots the policy at its start. */
export const settingsResolvers: Resolvers = {
  Query: {
    async branding(_, __, ctx) {
      requireUser(ctx);
      const { branding } = (await settingLayers(ctx)).inForce;
      return {
        theme: toUpper(branding.theme),
        primaryColor: branding.primaryColor,
        radius: branding.radius,
        density: toUpper(branding.density),
      };
    },
    effectiveSettings(_, __, ctx) {
      requireUser(ctx, ADMINS);
      return currentSettings(ctx);
    },
    settingsVersions(_, { first }, ctx) {
      requireUser(ctx, ADMINS);
      const count = first ?? 20;
      if (!Number.isInteger(count) || count < 1 || count > MAX_VERSIONS) throw codedError('BAD_INPUT', `first must be between 1 and ${MAX_VERSIONS}`);
      return settingsHistory(ctx.em, environmentPolicy(ctx), count);
    },
  },
  Mutation: {
    async updateSettings(_, { changes }, ctx) {
      const admin = requireUser(ctx, ADMINS);
      try {
        await saveSettings(ctx.em, admin.email, changes, environmentPolicy(ctx));
      } catch (error) {
        if (error instanceof SettingsError) throw codedError('BAD_INPUT', error.message);
        throw error;
      }
      return currentSettings(ctx);
    },
  },
};
