import { requireUser } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { settingLayers } from './settings-layers.js';

const toUpper = <T extends string>(value: T) => value.toUpperCase() as Uppercase<T>;

/** How the console looks: the branding.* settings in force, for any signed-in user. */
export const brandingResolvers: Resolvers = {
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
  },
};
