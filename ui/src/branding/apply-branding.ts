// The admin's branding (Settings → branding.*) as CSS custom properties and data attributes on <html>.
// The styles are written against the variables only, so this is the one place that knows the choices.

export interface Branding {
  theme: 'DARK' | 'LIGHT' | 'SYSTEM';
  primaryColor: string | null;
  radius: number;
  density: 'COMFORTABLE' | 'COMPACT';
}

export const DEFAULT_BRANDING: Branding = { theme: 'DARK', primaryColor: null, radius: 10, density: 'COMFORTABLE' };

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;
const ACCENT_PROPERTIES = ['--color-primary', '--color-primary-hover', '--color-primary-soft', '--color-on-primary'] as const;

/** Dark text on light accents, light text on dark ones (WCAG relative luminance). */
export function textOn(hex: string): '#0d1117' | '#ffffff' {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with black (L + 0.05) / 0.05 against white 1.05 / (L + 0.05): equal at L ≈ 0.179.
  return luminance > 0.179 ? '#0d1117' : '#ffffff';
}

const prefersLight = () => typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: light)').matches;

export function resolvedTheme(theme: Branding['theme'], osPrefersLight = prefersLight()): 'dark' | 'light' {
  if (theme === 'SYSTEM') return osPrefersLight ? 'light' : 'dark';
  return theme === 'LIGHT' ? 'light' : 'dark';
}

export function applyBranding(branding: Branding, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = resolvedTheme(branding.theme);
  root.dataset.density = branding.density === 'COMPACT' ? 'compact' : 'comfortable';
  root.style.setProperty('--radius', `${branding.radius}px`);
  root.style.setProperty('--radius-sm', `${Math.round(branding.radius * 0.6)}px`);
  if (branding.primaryColor && HEX_COLOUR.test(branding.primaryColor)) {
    const colour = branding.primaryColor;
    root.style.setProperty('--color-primary', colour);
    root.style.setProperty('--color-primary-hover', `color-mix(in srgb, ${colour} 82%, var(--color-text))`);
    root.style.setProperty('--color-primary-soft', `color-mix(in srgb, ${colour} 13%, transparent)`);
    root.style.setProperty('--color-on-primary', textOn(colour));
  } else {
    for (const property of ACCENT_PROPERTIES) root.style.removeProperty(property);
  }
}

/** What a stored value means, or the defaults for anything missing or hand-edited. */
export function parseBranding(raw: string | null): Branding {
  try {
    const value = JSON.parse(raw ?? 'null') as Partial<Branding> | null;
    if (!value || typeof value !== 'object') return DEFAULT_BRANDING;
    return {
      theme: value.theme === 'LIGHT' || value.theme === 'SYSTEM' ? value.theme : 'DARK',
      primaryColor: typeof value.primaryColor === 'string' && HEX_COLOUR.test(value.primaryColor) ? value.primaryColor : null,
      radius: Number.isInteger(value.radius) && value.radius! >= 0 && value.radius! <= 24 ? value.radius! : DEFAULT_BRANDING.radius,
      density: value.density === 'COMPACT' ? 'COMPACT' : 'COMFORTABLE',
    };
  } catch {
    return DEFAULT_BRANDING;
  }
}
