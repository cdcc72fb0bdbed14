import { saveSettings, settingsHistory, SettingsError } from '../../../settings/policy-store.js';
import { ADMINS, requireUser } from '../context.js';
import { codedError } from '../errors.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { currentSettings, environmentPolicy } from './settings-layers.js';

const MAX_VERSIONS = 200;

/** Settings take effect for cases that start after the save: each case snapshots the policy at its start. */
export const effectiveSettingResolvers: Resolvers = {
  Query: {
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
