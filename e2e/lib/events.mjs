// Waiting for an event from a subscription or a polled filter without racing its installation:
// keep sending until one transaction's event arrives (the first one usually does).
import { waitFor } from './env.mjs';

/**
 * Calls {@code send} (which returns the hash of a mined transaction) until {@code seen(hash)}
 * reports the event of that transaction; returns what {@code seen} returned.
 */
export async function sendUntilSeen(send, seen, what, tries = 4, perTryMs = 8_000) {
  const errors = [];
  for (let i = 0; i < tries; i++) {
    const hash = await send();
    try {
      return await waitFor(() => seen(hash), `${what} for ${hash}`, perTryMs, 25);
    } catch (e) {
      errors.push(e.message);
    }
  }
  throw new Error(`${what} never arrived: ${errors.join('; ')}`);
}
