/**
 * Image transfer (class 18, Blue Book 4.4.5), the whole sequence, with the harmless image the
 * profile names (`imageTransfer: { image, identifier }`): image_transfer_initiate, every block
 * (the last one first: blocks may come in any order), image_verify, image_activate, with
 * image_transfer_status, image_transferred_blocks_status and
 * image_first_not_transferred_block_number read at each step; and a wrong image (the same image
 * with one octet changed) whose verification must fail and which is never activated.
 *
 * A meter that verifies or activates asynchronously answers temporary-failure and shows
 * 2 (verification initiated) or 5 (activation initiated): the status is then read again until it
 * settles, within ten response time-outs (no sleep: one GET after another). An activated image
 * cannot be taken back: the profile names a harmless one (on a real meter, the firmware it
 * already runs), and the report says so (docs/decisions/method-behaviours.md).
 */
import * as fs from 'node:fs';
import type { Data } from '../../../dlms/axdr/data';
import { formatData } from '../../../dlms/axdr/format';
import { bytesEqual } from '../../../dlms/bytes';
import { type CosemObject, readAccess } from '../../classes/object-list';
import { IMAGE_ATTRIBUTE, IMAGE_METHOD } from '../../../dlms/cosem/catalogue/image-transfer';
import { numberOf } from '../../classes/semantics/types';
import { ExpectationFailure, HarnessFault, Inapplicable } from '../../engine/verdict';
import type { StepContext } from '../context';
import { actionResult, getValue, invoke } from '../object-ops';
import { methodGranted, type MethodBehaviour } from './types';

const { blockSize: BLOCK_SIZE, blocksStatus: BLOCKS_STATUS, firstNotTransferred: FIRST_NOT_TRANSFERRED, enabled: ENABLED } = IMAGE_ATTRIBUTE;
const { status: STATUS, toActivateInfo: TO_ACTIVATE_INFO } = IMAGE_ATTRIBUTE;
const METHOD = IMAGE_METHOD;
/** Blue Book 4.4.5 image_transfer_status. */
const STATUS_OF = { initiated: 1, verifying: 2, verified: 3, verificationFailed: 4, activating: 5, activated: 6, activationFailed: 7 } as const;
const RULE = 'Blue Book 4.4.5 (Image transfer): initiate, blocks, verify and activate move image_transfer_status through its states';
const WRONG_RULE = 'Blue Book 4.4.5 (Image transfer image_verify): an image that is not the one the meter accepts fails verification and is not activated';
const ZERO: Data = { type: 'integer', value: 0 };
/** How many response time-outs an asynchronous verification or activation may take. */
const SETTLE_TIMEOUTS = 10;

interface Image {
  readonly bytes: Uint8Array;
  readonly identifier: Uint8Array;
}

function profileImage(ctx: StepContext): Image {
  const named = ctx.profile.imageTransfer;
  if (!named) throw new Inapplicable('the profile names no image (imageTransfer: { image, identifier }): the image transfer cases need a harmless one');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(fs.readFileSync(named.image));
  } catch (e) {
    throw new HarnessFault(
      `imageTransfer.image: cannot read ${named.image} (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
      'profile',
      'PROFILE_IMAGE_UNREADABLE',
    );
  }
  if (bytes.length === 0) throw new HarnessFault(`imageTransfer.image: ${named.image} is empty`, 'profile', 'PROFILE_IMAGE_UNREADABLE');
  return { bytes, identifier: new TextEncoder().encode(named.identifier) };
}

function isSet(bits: Data | undefined, i: number): boolean {
  return bits?.type === 'bit-string' && i < bits.length && ((bits.bytes[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0;
}

async function number(ctx: StepContext, o: CosemObject, attribute: number): Promise<number | undefined> {
  return numberOf(await getValue(ctx, o, attribute));
}

/** Fails unless image_transfer_status reads one of `want`. */
async function expectStatus(ctx: StepContext, o: CosemObject, rule: string, when: string, ...want: number[]): Promise<number | undefined> {
  const status = await number(ctx, o, STATUS);
  ctx.note(`image_transfer_status ${status ?? 'not read'} ${when}`);
  if (status === undefined || !want.includes(status))
    throw new ExpectationFailure(rule, `image_transfer_status ${want.join(' or ')} ${when}`, String(status ?? 'not read'));
  return status;
}

/** The method's result; temporary-failure (asynchronous) waits for the status to leave `busy`. */
async function call(ctx: StepContext, o: CosemObject, method: number, parameters: Data, name: string, busy?: number): Promise<string> {
  const said = actionResult(ctx, await invoke(ctx, o, method, parameters));
  ctx.note(`${name} → ${said}`);
  if (said !== 'temporary-failure' || busy === undefined) return said;
  const until = Date.now() + SETTLE_TIMEOUTS * ctx.profile.timeouts.responseMs;
  while (Date.now() < until) if ((await number(ctx, o, STATUS)) !== busy) break;
  return said;
}

function preconditions(o: CosemObject, listVersion: number): void {
  for (const m of Object.values(METHOD)) if (!methodGranted(o, m)) throw new Inapplicable(`${o.obis}: the object list grants no access to method ${m}`);
  for (const id of [BLOCK_SIZE, BLOCKS_STATUS, FIRST_NOT_TRANSFERRED, ENABLED, STATUS, TO_ACTIVATE_INFO])
    if (readAccess(listVersion, o.attributes.find((a) => a.id === id)?.mode ?? 0) !== 'plain')
      throw new Inapplicable(`${o.obis}: attribute ${id} is not readable here`);
}

/** Transfer enabled, the block size, and the initiate: the common start of both behaviours. */
async function initiate(ctx: StepContext, o: CosemObject, image: Image, rule: string): Promise<number> {
  const enabled = await getValue(ctx, o, ENABLED);
  if (enabled?.type === 'boolean' && !enabled.value) throw new Inapplicable(`${o.obis}: image_transfer_enabled is false`);
  const blockSize = await number(ctx, o, BLOCK_SIZE);
  if (!blockSize) throw new ExpectationFailure(rule, 'image_block_size above 0', String(blockSize ?? 'not read'));
  const blocks = Math.ceil(image.bytes.length / blockSize);
  ctx.note(`image of ${image.bytes.length} octets in ${blocks} block(s) of ${blockSize}`);
  const said = await call(
    ctx,
    o,
    METHOD.initiate,
    {
      type: 'structure',
      items: [
        { type: 'octet-string', value: image.identifier },
        { type: 'double-long-unsigned', value: image.bytes.length },
      ],
    },
    'image_transfer_initiate',
  );
  if (said !== 'success') throw new ExpectationFailure(rule, 'image_transfer_initiate, with transfer enabled, succeeds', said);
  await expectStatus(ctx, o, rule, 'after image_transfer_initiate', STATUS_OF.initiated);
  return blockSize;
}

async function sendBlock(ctx: StepContext, o: CosemObject, bytes: Uint8Array, blockSize: number, n: number, rule: string): Promise<void> {
  const value = bytes.subarray(n * blockSize, Math.min(bytes.length, (n + 1) * blockSize));
  const parameters: Data = {
    type: 'structure',
    items: [
      { type: 'double-long-unsigned', value: n },
      { type: 'octet-string', value },
    ],
  };
  const said = actionResult(ctx, await invoke(ctx, o, METHOD.block, parameters));
  if (said !== 'success') throw new ExpectationFailure(rule, `image_block_transfer of block ${n} succeeds`, said);
}

export const IMAGE_TRANSFER: MethodBehaviour = {
  name: 'image-transfer',
  classIds: [18],
  rule: RULE,
  async run(ctx, o, listVersion) {
    preconditions(o, listVersion);
    const image = profileImage(ctx);
    const blockSize = await initiate(ctx, o, image, RULE);
    ctx.note('not restored: an activated image cannot be taken back; the profile names a harmless one');
    const count = Math.ceil(image.bytes.length / blockSize);
    const first = await number(ctx, o, FIRST_NOT_TRANSFERRED);
    const initial = await getValue(ctx, o, BLOCKS_STATUS);
    if (first !== 0)
      throw new ExpectationFailure(RULE, 'image_first_not_transferred_block_number 0 after image_transfer_initiate', String(first ?? 'not read'));
    if (Array.from({ length: count }, (_, i) => i).some((i) => isSet(initial, i)))
      throw new ExpectationFailure(
        RULE,
        'no block marked in image_transferred_blocks_status after image_transfer_initiate',
        initial ? formatData(initial) : 'not read',
      );
    // The last block first: out of order, which the meter must accept and record.
    const order = count > 1 ? [count - 1, ...Array.from({ length: count - 1 }, (_, i) => i)] : [0];
    const sent = new Set<number>();
    for (const [j, n] of order.entries()) {
      await sendBlock(ctx, o, image.bytes, blockSize, n, RULE);
      sent.add(n);
      let missing = 0;
      while (sent.has(missing)) missing += 1;
      const firstNow = await number(ctx, o, FIRST_NOT_TRANSFERRED);
      const done = missing === count;
      if (firstNow === undefined || (done ? firstNow < count : firstNow !== missing))
        throw new ExpectationFailure(
          RULE,
          `image_first_not_transferred_block_number ${done ? `${count} or more (every block in)` : missing} after block ${n}${j === 0 && count > 1 ? ' (sent first, out of order)' : ''}`,
          String(firstNow ?? 'not read'),
        );
      // The bit-string after the block out of order, the first in order, and the last.
      if (j < 2 || done) {
        const bits = await getValue(ctx, o, BLOCKS_STATUS);
        const wrong = [...sent].filter((i) => !isSet(bits, i));
        if (wrong.length)
          throw new ExpectationFailure(
            RULE,
            `image_transferred_blocks_status marks block(s) ${[...sent].sort((a, b) => a - b).join(', ')}`,
            bits ? formatData(bits) : 'not read',
          );
      }
    }
    ctx.note(`${count} block(s) transferred, block ${order[0]} first`);
    await expectStatus(ctx, o, RULE, 'after every block', STATUS_OF.initiated);
    const verified = await call(ctx, o, METHOD.verify, ZERO, 'image_verify', STATUS_OF.verifying);
    if (verified !== 'success' && verified !== 'temporary-failure')
      throw new ExpectationFailure(RULE, 'image_verify of the image the profile names succeeds', verified);
    await expectStatus(ctx, o, RULE, 'after image_verify', STATUS_OF.verified);
    const info = await getValue(ctx, o, TO_ACTIVATE_INFO);
    const listed =
      info?.type === 'array' &&
      info.items.some(
        (e) =>
          e.type === 'structure' &&
          numberOf(e.items[0]) === image.bytes.length &&
          e.items[1]?.type === 'octet-string' &&
          bytesEqual(e.items[1].value, image.identifier),
      );
    if (!listed)
      throw new ExpectationFailure(
        RULE,
        `image_to_activate_info lists the image (${image.bytes.length} octets, its identifier)`,
        info ? formatData(info) : 'not read',
      );
    const activated = await call(ctx, o, METHOD.activate, ZERO, 'image_activate', STATUS_OF.activating);
    if (activated !== 'success' && activated !== 'temporary-failure')
      throw new ExpectationFailure(RULE, 'image_activate of the verified image succeeds', activated);
    await expectStatus(ctx, o, RULE, 'after image_activate', STATUS_OF.activated);
  },
};

/** The image with one octet changed, in its middle: any check of integrity or signature rejects it. */
function corrupted(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes);
  const at = bytes.length >> 1;
  copy[at] = copy[at]! ^ 0xff;
  return copy;
}

export const IMAGE_TRANSFER_WRONG_IMAGE: MethodBehaviour = {
  name: 'image-transfer-wrong-image',
  classIds: [18],
  rule: WRONG_RULE,
  async run(ctx, o, listVersion) {
    preconditions(o, listVersion);
    const good = profileImage(ctx);
    const image = { ...good, bytes: corrupted(good.bytes) };
    ctx.note(`the profile's image with octet ${good.bytes.length >> 1} inverted`);
    const blockSize = await initiate(ctx, o, image, WRONG_RULE);
    const count = Math.ceil(image.bytes.length / blockSize);
    for (let n = 0; n < count; n++) await sendBlock(ctx, o, image.bytes, blockSize, n, WRONG_RULE);
    ctx.note(`${count} block(s) transferred`);
    const verified = await call(ctx, o, METHOD.verify, ZERO, 'image_verify', STATUS_OF.verifying);
    if (verified === 'success') throw new ExpectationFailure(WRONG_RULE, 'image_verify of a wrong image fails', verified);
    await expectStatus(ctx, o, WRONG_RULE, 'after image_verify of a wrong image', STATUS_OF.verificationFailed);
    const activated = await call(ctx, o, METHOD.activate, ZERO, 'image_activate', STATUS_OF.activating);
    if (activated === 'success') throw new ExpectationFailure(WRONG_RULE, 'image_activate of an image that failed verification fails', activated);
    await expectStatus(ctx, o, WRONG_RULE, 'after image_activate of a wrong image', STATUS_OF.verificationFailed, STATUS_OF.activationFailed);
    ctx.note('nothing to restore: the wrong image was not activated');
  },
};
