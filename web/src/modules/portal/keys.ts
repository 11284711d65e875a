export const portalKeys = {
  all: ['portal'] as const,
  quote: (token: string) => ['portal', 'quote', token] as const,
  settings: () => ['portal', 'settings'] as const,
};
