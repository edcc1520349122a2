/**
 * Image transfer, class 18 version 0 (Blue Book 4.4.5): a firmware image sent in blocks, then
 * verified and activated. image_transfer_status (attribute 6) is the state machine:
 * 0 not initiated → (initiate) 1 initiated → (verify) 3 verification successful or 4 failed →
 * (activate) 6 activation successful or 7 failed. 2 and 5 (verification, activation initiated)
 * are the states of a meter that works asynchronously: this one answers at once.
 *
 * - image_transfer_initiate(identifier, size) starts a new transfer: no block transferred. The
 *   same identifier and size while a transfer is under way resume it (the blocks stay).
 * - image_block_transfer(number, value) is accepted in any order while initiated; bit `number`
 *   of image_transferred_blocks_status is set (bit 0 the most significant bit of the first
 *   octet), and image_first_not_transferred_block_number is the first block still missing (the
 *   block count once every block is in).
 * - image_verify checks the image: every block in, and intact. The simulator's image format
 *   stands in for a manufacturer's signature: the last 32 octets are the SHA-256 of the octets
 *   before them (IMAGE_DIGEST_LENGTH; profiles/images/ holds one).
 * - image_activate activates a verified image; an image not yet verified is verified first.
 *
 * A method out of its state is refused with temporary-failure, a block number past the image
 * with other-reason: the Blue Book names no closer action-result.
 *
 * Definition keys: `values: { 2: block size, 5: enabled }`, as for any catalogue class (generic.ts).
 */
import { createHash } from 'node:crypto';
import type { Data } from '../../dlms/axdr/data';
import { bytesEqual, concatBytes } from '../../dlms/bytes';
import type { Cursor } from '../../config/yaml-cursor';
import { IMAGE_ATTRIBUTE, IMAGE_METHOD, IMAGE_TRANSFER } from '../../dlms/cosem/catalogue/image-transfer';
import { attributesOf } from './from-catalogue';
import { catalogueValues } from './generic';
import { isIntegerZero } from './method-parameter';
import { methodRefused, ok, writeRefused, type ClassBehaviour, type MethodResult } from './types';

/** Blue Book 4.4.5 image_transfer_status. */
export const IMAGE_STATUS = {
  notInitiated: 0,
  initiated: 1,
  verificationInitiated: 2,
  verificationSuccessful: 3,
  verificationFailed: 4,
  activationInitiated: 5,
  activationSuccessful: 6,
  activationFailed: 7,
} as const;

const { blockSize: BLOCK_SIZE, blocksStatus: BLOCKS_STATUS, firstNotTransferred: FIRST_NOT_TRANSFERRED, enabled: ENABLED } = IMAGE_ATTRIBUTE;
const { status: STATUS, toActivateInfo: TO_ACTIVATE_INFO } = IMAGE_ATTRIBUTE;
const { initiate: INITIATE, block: BLOCK, verify: VERIFY, activate: ACTIVATE } = IMAGE_METHOD;
/** The simulator's image format: a SHA-256 trailer over the rest. */
export const IMAGE_DIGEST_LENGTH = 32;

/** Whether `image` is intact in the simulator's format (its last 32 octets the SHA-256 of the rest). */
export function imageIntact(image: Uint8Array): boolean {
  if (image.length <= IMAGE_DIGEST_LENGTH) return false;
  const body = image.subarray(0, image.length - IMAGE_DIGEST_LENGTH);
  return bytesEqual(createHash('sha256').update(body).digest(), image.subarray(image.length - IMAGE_DIGEST_LENGTH));
}

/** A bit-string of `n` bits, bit i set when `set(i)`, bit 0 the most significant of the first octet. */
function bitString(n: number, set: (i: number) => boolean): Data {
  const bytes = new Uint8Array(Math.ceil(n / 8));
  for (let i = 0; i < n; i++) if (set(i)) bytes[i >> 3]! |= 0x80 >> (i & 7);
  return { type: 'bit-string', length: n, bytes };
}

interface Transfer {
  readonly identifier: Uint8Array;
  readonly size: number;
  readonly blockSize: number;
  readonly blocks: Map<number, Uint8Array>;
}

export const imageTransferClass: ClassBehaviour = {
  name: 'image-transfer',
  classId: IMAGE_TRANSFER.classId,
  version: IMAGE_TRANSFER.version,
  attributes: attributesOf(IMAGE_TRANSFER, { 2: 'read-only', 3: 'read-only', 4: 'read-only', 6: 'read-only', 7: 'read-only' }),
  methodCount: IMAGE_TRANSFER.methods.length,
  keys: ['values'],
  build(entry: Cursor) {
    const store = catalogueValues(IMAGE_TRANSFER, entry);
    const blockSizeValue = store.values.get(BLOCK_SIZE);
    if (blockSizeValue?.type !== 'double-long-unsigned' || blockSizeValue.value === 0)
      entry.fail('image-transfer needs values: { 2: image_block_size above 0 }');
    const blockSize = blockSizeValue.type === 'double-long-unsigned' ? blockSizeValue.value : 1;
    let transfer: Transfer | undefined;
    let status: number = IMAGE_STATUS.notInitiated;
    const count = () => (transfer ? Math.ceil(transfer.size / transfer.blockSize) : 0);
    const firstMissing = () => {
      for (let i = 0; i < count(); i++) if (!transfer?.blocks.has(i)) return i;
      return count();
    };
    const image = () =>
      transfer ? concatBytes(...Array.from({ length: count() }, (_, i) => transfer!.blocks.get(i) ?? new Uint8Array(0))) : new Uint8Array(0);
    const verify = (): boolean => {
      const ok = transfer !== undefined && firstMissing() === count() && image().length === transfer.size && imageIntact(image());
      status = ok ? IMAGE_STATUS.verificationSuccessful : IMAGE_STATUS.verificationFailed;
      if (ok && transfer) {
        const bytes = image();
        store.values.set(TO_ACTIVATE_INFO, {
          type: 'array',
          items: [
            {
              type: 'structure',
              items: [
                { type: 'double-long-unsigned', value: transfer.size },
                { type: 'octet-string', value: transfer.identifier },
                { type: 'octet-string', value: bytes.subarray(bytes.length - IMAGE_DIGEST_LENGTH) },
              ],
            },
          ],
        });
      }
      return ok;
    };
    const methods: Readonly<Record<number, (p: Data | undefined) => MethodResult>> = {
      [INITIATE]: (p) => {
        const [id, size] = p?.type === 'structure' && p.items.length === 2 ? p.items : [];
        if (id?.type !== 'octet-string' || size?.type !== 'double-long-unsigned') return methodRefused('type-unmatched');
        const enabled = store.values.get(ENABLED);
        if (enabled?.type === 'boolean' && !enabled.value) return methodRefused('temporary-failure');
        const resume = status === IMAGE_STATUS.initiated && transfer && bytesEqual(transfer.identifier, id.value) && transfer.size === size.value;
        if (!resume) transfer = { identifier: id.value, size: size.value, blockSize, blocks: new Map() };
        status = IMAGE_STATUS.initiated;
        store.values.set(TO_ACTIVATE_INFO, { type: 'array', items: [] });
        return { kind: 'success' };
      },
      [BLOCK]: (p) => {
        const [n, value] = p?.type === 'structure' && p.items.length === 2 ? p.items : [];
        if (n?.type !== 'double-long-unsigned' || value?.type !== 'octet-string') return methodRefused('type-unmatched');
        if (status !== IMAGE_STATUS.initiated || !transfer) return methodRefused('temporary-failure');
        if (n.value >= count() || value.value.length > blockSize) return methodRefused('other-reason');
        transfer.blocks.set(n.value, value.value);
        return { kind: 'success' };
      },
      [VERIFY]: (p) => {
        if (!isIntegerZero(p)) return methodRefused('type-unmatched');
        if (!transfer || status === IMAGE_STATUS.notInitiated) return methodRefused('temporary-failure');
        return verify() ? { kind: 'success' } : methodRefused('other-reason');
      },
      [ACTIVATE]: (p) => {
        if (!isIntegerZero(p)) return methodRefused('type-unmatched');
        if (!transfer || status === IMAGE_STATUS.notInitiated) return methodRefused('temporary-failure');
        // An image not verified yet is verified first (Blue Book 4.4.5 image_activate).
        const verified = status === IMAGE_STATUS.verificationSuccessful || status === IMAGE_STATUS.activationSuccessful || verify();
        status = verified ? IMAGE_STATUS.activationSuccessful : IMAGE_STATUS.activationFailed;
        return verified ? { kind: 'success' } : methodRefused('other-reason');
      },
    };
    return {
      read(attribute) {
        switch (attribute) {
          case BLOCKS_STATUS:
            return ok(bitString(count(), (i) => transfer?.blocks.has(i) === true));
          case FIRST_NOT_TRANSFERRED:
            return ok({ type: 'double-long-unsigned', value: firstMissing() });
          case STATUS:
            return ok({ type: 'enum', value: status });
          default:
            return store.read(attribute);
        }
      },
      write: (attribute, next) => (attribute === ENABLED ? store.write(attribute, next) : writeRefused('read-write-denied')),
      invoke(method, parameters) {
        const run = methods[method];
        return run ? run(parameters) : methodRefused('object-undefined');
      },
    };
  },
};
