// Query-key factory for the identity module.
export const identityKeys = {
  all: ['identity'] as const,
  me: () => [...identityKeys.all, 'me'] as const,
  users: () => [...identityKeys.all, 'users'] as const,
  theme: () => [...identityKeys.all, 'theme'] as const,
  plan: () => [...identityKeys.all, 'plan'] as const,
};
