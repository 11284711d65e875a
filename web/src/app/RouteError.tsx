import { useRouteError } from 'react-router-dom';
import { AlertTriangle, WifiOff } from 'lucide-react';

/** A page's code that could not be downloaded (offline, server down, a newer deploy). */
export function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(
      error.message,
    )
  );
}

/** Shown when a screen fails to render, instead of a blank page. */
export function RouteError() {
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  const unreachable = isChunkLoadError(error);
  const Icon = unreachable ? WifiOff : AlertTriangle;
  return (
    <div
      role="alert"
      className="flex min-h-screen flex-col items-center justify-center gap-3 p-6 text-center"
    >
      <Icon className="h-10 w-10 text-red-500" aria-hidden />
      <h1 className="text-lg font-semibold text-slate-900">
        {unreachable ? 'Não foi possível falar com o servidor.' : 'Algo deu errado nesta tela.'}
      </h1>
      <p className="text-sm text-slate-600">
        {unreachable
          ? 'Verifique sua conexão e tente novamente.'
          : 'Recarregue a página. Se o erro continuar, avise o suporte.'}
      </p>
      <button
        type="button"
        onClick={() => (unreachable ? window.location.reload() : window.location.assign('/'))}
        className="rounded-md bg-primary px-3.5 py-2 text-sm font-medium text-on-primary"
      >
        {unreachable ? 'Tentar novamente' : 'Voltar ao painel'}
      </button>
    </div>
  );
}
