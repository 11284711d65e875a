import { useRouteError } from 'react-router-dom';
import { AlertTriangle } from 'lucide-react';

/** Shown when a screen fails to render, instead of a blank page. */
export function RouteError() {
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  return (
    <div
      role="alert"
      className="flex min-h-screen flex-col items-center justify-center gap-3 p-6 text-center"
    >
      <AlertTriangle className="h-10 w-10 text-red-500" aria-hidden />
      <h1 className="text-lg font-semibold text-slate-900">Algo deu errado nesta tela.</h1>
      <p className="text-sm text-slate-600">
        Recarregue a página. Se o erro continuar, avise o suporte.
      </p>
      <button
        type="button"
        onClick={() => window.location.assign('/')}
        className="rounded-md bg-primary px-3.5 py-2 text-sm font-medium text-on-primary"
      >
        Voltar ao painel
      </button>
    </div>
  );
}
