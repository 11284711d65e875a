// Query-key factory for what the server's gateway answers across modules.
export const gatewayKeys = {
  all: ['gateway'] as const,
  overview: () => [...gatewayKeys.all, 'overview'] as const,
};
