import type { Palette, ThemeResponse } from './types';

export const DEFAULT_PALETTE: Palette = {
  primary: '#1d4ed8',
  secondary: '#0f172a',
  accent: '#f59e0b',
  background: '#f1f5f9',
  surface: '#ffffff',
};

const KEYS: (keyof Palette)[] = ['primary', 'secondary', 'accent', 'background', 'surface'];

/** "#1d4ed8" → "29 78 216" (for rgb(var(--x) / alpha)); null when not a hex color. */
export function hexToRgbTriplet(hex: string): string | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m || !m[1]) return null;
  let h = m[1];
  if (h.length === 3) h = h.replace(/(.)/g, '$1$1');
  const n = parseInt(h, 16);
  return `${(n >> 16) & 255} ${(n >> 8) & 255} ${n & 255}`;
}

const themeChoiceKey = (tenantId: string | number) => `motogestor.theme.${tenantId}`;

export function getThemeChoice(tenantId: string | number): string | null {
  return localStorage.getItem(themeChoiceKey(tenantId));
}

export function setThemeChoice(tenantId: string | number, themeId: string): void {
  localStorage.setItem(themeChoiceKey(tenantId), themeId);
}

/** The theme id in force: the server's `current_theme`, else this browser's choice. */
export function currentThemeId(
  theme: ThemeResponse | undefined,
  choice: string | null,
): string | null {
  return theme?.current_theme ?? choice;
}

/**
 * The palette in force: the custom one (where allowed), else the tenant's theme
 * (`current_theme`, or the choice stored in this browser for servers without it), else the
 * plan's first theme.
 */
export function resolvePalette(theme: ThemeResponse | undefined, choice: string | null): Palette {
  if (!theme) return DEFAULT_PALETTE;
  const current = currentThemeId(theme, choice);
  if (
    theme.custom_allowed &&
    theme.custom_palette &&
    (current === 'custom' || current === null || current === undefined)
  ) {
    return { ...DEFAULT_PALETTE, ...theme.custom_palette };
  }
  const themes = Array.isArray(theme.themes) ? theme.themes : [];
  const chosen = themes.find((t) => t.id === current) ?? themes[0];
  if (!chosen) return DEFAULT_PALETTE;
  return {
    primary: chosen.primary,
    secondary: chosen.secondary,
    accent: chosen.accent,
    background: chosen.background,
    surface: chosen.surface,
  };
}

/** WCAG relative luminance of a "#rrggbb" color (0 black … 1 white); null when not a color. */
export function luminance(hex: string): number | null {
  const triplet = hexToRgbTriplet(hex);
  if (!triplet) return null;
  const [r, g, b] = triplet.split(' ').map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const WHITE = '255 255 255';
const INK = '15 23 42';

const INK_LUMINANCE = luminance('#0f172a') ?? 0;

/** Text color for a background: white or ink, whichever contrasts more (WCAG ratio). */
export function onColor(hex: string): string {
  const l = luminance(hex);
  if (l === null) return WHITE;
  const withWhite = 1.05 / (l + 0.05);
  const withInk = (l + 0.05) / (INK_LUMINANCE + 0.05);
  return withInk > withWhite ? INK : WHITE;
}

/** Whether the palette's surface is dark (the neutral scale is then flipped). */
export function isDarkPalette(palette: Palette): boolean {
  const l = luminance(palette.surface);
  return l !== null && l < 0.3;
}

/**
 * Sets --mg-<name> CSS variables on the document root, the text colors that go on the
 * primary and secondary colors, and the `mg-dark` class for dark surfaces.
 */
export function applyPalette(palette: Palette, root: HTMLElement = document.documentElement): void {
  const resolved = { ...palette };
  for (const key of KEYS) {
    if (!hexToRgbTriplet(resolved[key])) resolved[key] = DEFAULT_PALETTE[key];
    root.style.setProperty(`--mg-${key}`, hexToRgbTriplet(resolved[key]) ?? '0 0 0');
  }
  root.style.setProperty('--mg-on-primary', onColor(resolved.primary));
  root.style.setProperty('--mg-on-secondary', onColor(resolved.secondary));
  root.classList.toggle('mg-dark', isDarkPalette(resolved));
}
