/**
 * Runs work under the document lock, so two people clicking Build at once
 * cannot interleave their writes; the second is told to try again.
 */
export const LOCK_WAIT_MS = 20_000;

export type Locked<T> = { readonly locked: true; readonly value: T } | { readonly locked: false };

export function withDocumentLock<T>(work: () => T): Locked<T> {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return { locked: false };
  try {
    const value = work();
    SpreadsheetApp.flush();
    return { locked: true, value };
  } finally {
    lock.releaseLock();
  }
}
