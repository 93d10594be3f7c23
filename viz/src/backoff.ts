// How the explorer waits before asking again when the server is away or busy:
// twice as long each time, as long as the server asks if it says (Retry-After),
// and not for ever.

/** Codes worth retrying: the server or its database will likely answer later. */
export const RETRYABLE = new Set(['DATABASE_UNAVAILABLE', 'NETWORK', 'TIMEOUT', 'OVERLOADED']);

const FIRST_MS = 1000; // the first wait
const MAX_MS = 30_000; // the longest wait
const ATTEMPTS = 8; // then the explorer stops and says so: about 2 minutes in all

/** Milliseconds to wait before retry number `attempt` (from 0), or null to give up. */
export function retryDelay(attempt: number, retryAfterSeconds: number | null): number | null {
  if (attempt >= ATTEMPTS) return null;
  const backoff = Math.min(MAX_MS, FIRST_MS * 2 ** attempt);
  return Math.max(backoff, Math.min(MAX_MS, (retryAfterSeconds ?? 0) * 1000));
}
