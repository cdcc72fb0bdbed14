// How the console looks: an admin's choice, stored with the other settings (branding.* keys) so it is
// versioned and audited like them, but never part of a case's policy snapshot.

export type Theme = 'dark' | 'light' | 'system';
export type Density = 'comfortable' | 'compact';

export interface Branding {
  theme: Theme;
  /** A #rrggbb colour, or null for the theme's own. */
  primaryColor: string | null;
  /** Corner radius of cards and controls, in pixels. */
  radius: number;
  density: Density;
}

export const DEFAULT_BRANDING: Branding = { theme: 'dark', primaryColor: null, radius: 10, density: 'comfortable' };

export const HEX_COLOUR = /^#[0-9a-f]{6}$/i;
