// The four pin shapes of every map (live and drawn on the server), by the state of what a pin marks.

/** Shape and colour group of a status: pins differ by shape, not only by colour. */
export type PinGroup = 'open' | 'progress' | 'fixed' | 'closed' | 'pending';

export function pinGroup(status: string): PinGroup {
  if (status === 'in_progress') return 'progress';
  if (status === 'fixed') return 'fixed';
  if (status === 'closed') return 'closed';
  return 'open';
}
