import { useEffect } from 'react';
import { useParams } from 'react-router-dom';
import { PortalView } from '@/modules/portal/components/PortalView';

/** /portal/:token — the customer's quote, outside the app shell and without a session. */
export function PortalPage() {
  const { token = '' } = useParams();
  // The server sends X-Robots-Tag and the tag; this keeps it after client-side navigation.
  useEffect(() => {
    const meta = document.createElement('meta');
    meta.name = 'robots';
    meta.content = 'noindex';
    document.head.appendChild(meta);
    document.title = 'Orçamento · MotoGestor';
    return () => meta.remove();
  }, []);
  return <PortalView token={token} />;
}
