import type { Variant } from './types';

const IMAGE_TRANSFER = 18;
const VERIFY = 3;
const ACTIVATE = 4;
const STATUS = 6;
/** Blue Book 4.4.5 image_transfer_status: verification initiated, activation initiated. */
const BUSY: Readonly<Record<number, number>> = { [VERIFY]: 2, [ACTIVATE]: 5 };

/**
 * The state "in progress" the next status read shows. One meter runs one transfer at a time;
 * the simulator serves one client at a time in the tests that use this variant.
 */
let inProgress: number | undefined;

/**
 * Verification and activation that take time: the methods answer temporary-failure and the
 * status reads 2 (verification initiated) or 5 (activation initiated) once, then the outcome.
 */
export const imageTransferAsynchronous: Variant = {
  name: 'image-transfer-asynchronous',
  description:
    'Image transfer image_verify and image_activate answer temporary-failure (the work goes on after the response); image_transfer_status reads 2 or 5 once, then 3/4 or 6/7.',
  clause: 'Blue Book 4.4.5 (Image transfer: verification and activation may be asynchronous; the client polls image_transfer_status)',
  reading: 'docs/decisions/method-behaviours.md',
  hooks: {
    interceptMethod: (call, run) => {
      const r = run();
      if (call.classId !== IMAGE_TRANSFER || BUSY[call.method] === undefined) return r;
      inProgress = BUSY[call.method];
      return { kind: 'error', result: 'temporary-failure' };
    },
    onGet: (address, r) => {
      if (address.classId !== IMAGE_TRANSFER || address.attribute !== STATUS || inProgress === undefined || r.kind !== 'data') return r;
      const shown = inProgress;
      inProgress = undefined;
      return { kind: 'data', data: { type: 'enum', value: shown } };
    },
  },
  affects: ['classes/methods'],
};
