import { bytesEqual } from '../../dlms/bytes';
import type { Variant } from './types';

/** Invocation counter objects 0-0:43.1.x.255 (Blue Book 4.4.7, Data). */
const IC_PREFIX = Uint8Array.of(0, 0, 43, 1);
/** What the real meter read above the last counter the client sent (19 after 16). */
const AHEAD = 3;

export const invocationCounterObjectAhead: Variant = {
  name: 'invocation-counter-object-ahead',
  description: 'The invocation counter object reads a few above the last counter the client sent (the meter counts what it consumed, not what it saw last).',
  clause: 'Green Book 9.2.7.2.4 (a counter at or above the last one sent is safe; only a lower one would let a replay in)',
  reading: 'docs/decisions/security-refusals.md',
  seen: 'real-meter.md section 2: the invocation counter object reads 19 after 16',
  hooks: {
    onGet: (address, r) => {
      if (address.classId !== 1 || address.attribute !== 2 || !bytesEqual(address.logicalName.subarray(0, 4), IC_PREFIX) || r.kind !== 'data') return r;
      return r.data.type === 'double-long-unsigned' ? { kind: 'data', data: { ...r.data, value: r.data.value + AHEAD } } : r;
    },
  },
  affects: ['security/*'],
};
