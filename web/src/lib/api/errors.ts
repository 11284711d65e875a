// The server's one error shape: {"error": {"code", "message", "details": {field: problem}}}.

export interface ApiErrorBody {
  code: string;
  message: string;
  details?: Record<string, string>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, string>;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.details = body.details ?? {};
  }
}

const FALLBACK_MESSAGES: Record<number, string> = {
  0: 'Não foi possível falar com o servidor. Verifique sua conexão.',
  400: 'Requisição inválida.',
  401: 'Sua sessão expirou. Entre novamente.',
  403: 'Você não tem permissão para esta ação.',
  404: 'Registro não encontrado.',
  409: 'Conflito com um registro existente.',
  413: 'Os dados enviados são grandes demais.',
  422: 'Dados inválidos.',
  429: 'Muitas tentativas. Aguarde um pouco e tente de novo.',
  500: 'Erro interno do servidor. Tente de novo em instantes.',
  503: 'Serviço indisponível no momento. Tente de novo em instantes.',
};

export function fallbackMessage(status: number): string {
  return FALLBACK_MESSAGES[status] ?? `Erro inesperado (${status}).`;
}

/** Reads an error body, tolerating bodies that are not the standard shape. */
export function toApiError(status: number, payload: unknown): ApiError {
  if (payload && typeof payload === 'object' && 'error' in payload) {
    const err = (payload as { error: unknown }).error;
    if (err && typeof err === 'object') {
      const e = err as Partial<ApiErrorBody>;
      return new ApiError(status, {
        code: typeof e.code === 'string' ? e.code : 'error',
        message: typeof e.message === 'string' && e.message ? e.message : fallbackMessage(status),
        details: e.details && typeof e.details === 'object' ? e.details : undefined,
      });
    }
    if (typeof err === 'string') {
      return new ApiError(status, { code: err, message: fallbackMessage(status) });
    }
  }
  return new ApiError(status, { code: 'error', message: fallbackMessage(status) });
}

/** Whether the server could not be reached at all (offline, server down, connection lost). */
export function isNetworkError(error: unknown): boolean {
  return error instanceof ApiError && error.status === 0;
}

/** A message for any thrown thing, for error states and toasts. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return fallbackMessage(0);
  return 'Erro inesperado.';
}
