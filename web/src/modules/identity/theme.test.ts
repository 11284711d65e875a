import { describe, expect, it } from 'vitest';
import { applyPalette, DEFAULT_PALETTE, hexToRgbTriplet, resolvePalette } from './theme';
import type { ThemeResponse } from './types';

describe('theme', () => {
  const theme: ThemeResponse = {
    tenant: { id: 1, name: 'X', plan: 'BASIC' },
    themes: [
      {
        id: 'classico',
        name: 'Clássico',
        primary: '#112233',
        secondary: '#000000',
        accent: '#ffffff',
        background: '#eeeeee',
        surface: '#ffffff',
      },
      {
        id: 'noturno',
        name: 'Noturno',
        primary: '#abcdef',
        secondary: '#000000',
        accent: '#ffffff',
        background: '#eeeeee',
        surface: '#ffffff',
      },
    ],
    current_theme: null,
    custom_palette: null,
    custom_allowed: false,
    custom_only_enterprise: true,
  };
  it('converts hex colors', () => {
    expect(hexToRgbTriplet('#112233')).toBe('17 34 51');
    expect(hexToRgbTriplet('#fff')).toBe('255 255 255');
    expect(hexToRgbTriplet('red')).toBeNull();
  });
  it('uses the chosen theme, else the first', () => {
    expect(resolvePalette(theme, null).primary).toBe('#112233');
    expect(resolvePalette(theme, 'noturno').primary).toBe('#abcdef');
    expect(resolvePalette(theme, 'gone').primary).toBe('#112233');
  });
  it('uses an allowed custom palette when it is the current theme', () => {
    const custom = {
      ...theme,
      custom_allowed: true,
      custom_palette: { ...DEFAULT_PALETTE, primary: '#010203' },
    };
    expect(resolvePalette({ ...custom, current_theme: 'custom' }, 'noturno').primary).toBe(
      '#010203',
    );
    expect(resolvePalette(custom, null).primary).toBe('#010203');
    expect(resolvePalette({ ...custom, current_theme: 'noturno' }, null).primary).toBe('#abcdef');
  });
  it("prefers the server's current theme over this browser's choice", () => {
    expect(resolvePalette({ ...theme, current_theme: 'noturno' }, 'classico').primary).toBe(
      '#abcdef',
    );
  });
  it('writes CSS variables', () => {
    const el = document.createElement('div');
    applyPalette(resolvePalette(theme, 'noturno'), el);
    expect(el.style.getPropertyValue('--mg-primary')).toBe('171 205 239');
    expect(el.style.getPropertyValue('--mg-surface')).toBe('255 255 255');
    expect(el.style.getPropertyValue('--mg-on-primary')).toBe('15 23 42');
    expect(el.style.getPropertyValue('--mg-on-secondary')).toBe('255 255 255');
    expect(el.classList.contains('mg-dark')).toBe(false);
  });
  it('flips to dark mode on a dark surface', () => {
    const el = document.createElement('div');
    applyPalette(
      {
        primary: '#1d4ed8',
        secondary: '#cbd5e1',
        accent: '#f59e0b',
        background: '#020617',
        surface: '#0f172a',
      },
      el,
    );
    expect(el.classList.contains('mg-dark')).toBe(true);
    expect(el.style.getPropertyValue('--mg-on-primary')).toBe('255 255 255');
    expect(el.style.getPropertyValue('--mg-on-secondary')).toBe('15 23 42');
  });
});
