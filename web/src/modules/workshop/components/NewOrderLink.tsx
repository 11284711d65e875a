import { Link } from 'react-router-dom';
import { Plus } from 'lucide-react';

/** "Nova OS" as a link that looks like the primary button (show it to whom may open orders). */
export function NewOrderLink() {
  return (
    <Link
      to="/os/nova"
      className="inline-flex items-center gap-1.5 rounded-md bg-primary px-3.5 py-2 text-sm font-medium text-on-primary hover:bg-primary/90"
    >
      <Plus className="h-4 w-4" aria-hidden /> Nova OS
    </Link>
  );
}
