import type { Config } from 'tailwindcss';

// Colors read the tenant palette from CSS variables (set from GET /api/tenant/theme).
const withVar = (name: string) => `rgb(var(--mg-${name}) / <alpha-value>)`;

// The neutral scale also comes from variables, so a dark tenant theme flips it (see
// src/modules/identity/theme.ts and index.css).
const SLATE = [50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950] as const;
const slate = Object.fromEntries(SLATE.map((n) => [n, withVar(`slate-${n}`)]));

export default {
  content: ['./index.html', './src/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        primary: withVar('primary'),
        secondary: withVar('secondary'),
        accent: withVar('accent'),
        background: withVar('background'),
        surface: withVar('surface'),
        'on-primary': withVar('on-primary'),
        'on-secondary': withVar('on-secondary'),
        slate,
      },
    },
  },
  plugins: [],
} satisfies Config;
