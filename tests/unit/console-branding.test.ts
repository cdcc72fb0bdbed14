// The console's branding rules: readable text on any accent, "system" following the OS, and a stored value
// that was hand-edited or is from an older console falling back to the defaults.
import { describe, expect, it } from 'vitest';
import { DEFAULT_BRANDING, parseBranding, resolvedTheme, textOn } from '../../ui/src/branding/apply-branding.js';

describe('console branding', () => {
  it('puts white text on dark accents and dark text on light ones', () => {
    expect(textOn('#0a7d5a')).toBe('#ffffff');
    expect(textOn('#4f46e5')).toBe('#ffffff');
    expect(textOn('#f5b94a')).toBe('#0d1117');
    expect(textOn('#7c83ff')).toBe('#0d1117');
  });

  it('follows the OS only for the system theme', () => {
    expect(resolvedTheme('SYSTEM', true)).toBe('light');
    expect(resolvedTheme('SYSTEM', false)).toBe('dark');
    expect(resolvedTheme('DARK', true)).toBe('dark');
    expect(resolvedTheme('LIGHT', false)).toBe('light');
  });

  it('reads a stored branding, and falls back to the defaults field by field', () => {
    expect(parseBranding(JSON.stringify({ theme: 'LIGHT', primaryColor: '#0a7d5a', radius: 4, density: 'COMPACT' })))
      .toEqual({ theme: 'LIGHT', primaryColor: '#0a7d5a', radius: 4, density: 'COMPACT' });
    expect(parseBranding(JSON.stringify({ theme: 'NEON', primaryColor: 'red;x', radius: 99, density: 'tiny' }))).toEqual(DEFAULT_BRANDING);
    expect(parseBranding('{not json')).toEqual(DEFAULT_BRANDING);
    expect(parseBranding(null)).toEqual(DEFAULT_BRANDING);
  });
});
