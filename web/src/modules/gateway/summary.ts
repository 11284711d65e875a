/** What a module that cannot answer puts in its key of the overview. */
export interface Unavailable {
  error: 'unavailable';
}

/** A module's part of the overview when it answered, else null (unavailable or not loaded). */
export function available<T extends object>(part: T | Unavailable | undefined): T | null {
  if (!part || 'error' in part) return null;
  return part as T;
}
