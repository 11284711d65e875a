import { useEffect, useState } from 'react';
import { useTenantTheme } from '@/modules/identity/hooks';
import { useCurrentUser } from '@/modules/identity/session';
import { applyPalette, getThemeChoice, resolvePalette } from '@/modules/identity/theme';

export const THEME_CHANGED_EVENT = 'motogestor:theme-changed';

/** Applies the tenant's palette (GET /api/tenant/theme) as CSS variables. */
export function ThemeApplier() {
  const user = useCurrentUser();
  const theme = useTenantTheme();
  const [choice, setChoice] = useState(() => getThemeChoice(user.tenant_id));

  useEffect(() => {
    const onChange = () => setChoice(getThemeChoice(user.tenant_id));
    window.addEventListener(THEME_CHANGED_EVENT, onChange);
    return () => window.removeEventListener(THEME_CHANGED_EVENT, onChange);
  }, [user.tenant_id]);

  useEffect(() => {
    applyPalette(resolvePalette(theme.data, choice));
  }, [theme.data, choice]);

  return null;
}
