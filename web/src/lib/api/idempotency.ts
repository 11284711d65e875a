import { ApiError } from './errors';

/** A new Idempotency-Key: a v4 UUID (also where `crypto.randomUUID` is missing, plain http). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Whether a failed create surely did not happen, so that sending it again is a new submission.
 * A lost connection, a 5xx, a 409 (the first request may still be running) or a 429 leave the
 * outcome open: the retry must carry the same key to get the first answer.
 */
function surelyRefused(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.status >= 400 && error.status < 500 && error.status !== 409 && error.status !== 429;
}

/**
 * The Idempotency-Keys of one form's submissions: one key per submission; the same body sent
 * again after an open outcome keeps its key; a success, a refusal or another body starts anew.
 */
export class SubmissionKeys {
  private pending: { body: string; key: string } | null = null;

  keyFor(body: unknown): string {
    const text = JSON.stringify(body) ?? '';
    if (this.pending?.body !== text) this.pending = { body: text, key: newIdempotencyKey() };
    return this.pending.key;
  }

  /** After the answer: `error` when the submission failed. */
  settle(error?: unknown): void {
    if (error === undefined || surelyRefused(error)) this.pending = null;
  }
}
