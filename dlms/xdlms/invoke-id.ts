import { ByteReader, ByteWriter } from '../bytes';
import { EncodeError } from '../axdr/encode-error';
import { failChoice, isChoice } from './axdr-fields';

/**
 * Invoke-Id-And-Priority (Green Book 9.5, an Unsigned8): bits 0-3 invoke-id, bits 4-5 reserved,
 * bit 6 service-class (1 = confirmed), bit 7 priority (1 = high). `raw` is the octet as received:
 * the encoder takes the named fields from the fields and only the reserved bits from `raw`, so a
 * DUT that sets reserved bits is reproduced exactly and a value built by hand needs no `raw`.
 */
export interface InvokeIdAndPriority {
  readonly invokeId: number;
  readonly serviceClass: 'confirmed' | 'unconfirmed';
  readonly priority: 'normal' | 'high';
  readonly raw?: number;
}

const INVOKE_ID_MASK = 0x0f;
const RESERVED_MASK = 0x30;
const SERVICE_CLASS_BIT = 0x40;
const PRIORITY_BIT = 0x80;

export function invokeIdAndPriorityFromByte(b: number): InvokeIdAndPriority {
  return {
    invokeId: b & INVOKE_ID_MASK,
    serviceClass: b & SERVICE_CLASS_BIT ? 'confirmed' : 'unconfirmed',
    priority: b & PRIORITY_BIT ? 'high' : 'normal',
    raw: b,
  };
}

export function invokeIdAndPriorityByte(v: InvokeIdAndPriority): number {
  return (
    (v.invokeId & INVOKE_ID_MASK) |
    ((v.raw ?? 0) & RESERVED_MASK) |
    (v.serviceClass === 'confirmed' ? SERVICE_CLASS_BIT : 0) |
    (v.priority === 'high' ? PRIORITY_BIT : 0)
  );
}

export function decodeInvokeIdAndPriority(r: ByteReader): InvokeIdAndPriority {
  return invokeIdAndPriorityFromByte(r.u8('invoke-id-and-priority'));
}

export function encodeInvokeIdAndPriority(w: ByteWriter, v: InvokeIdAndPriority): void {
  if (!Number.isInteger(v.invokeId) || v.invokeId !== (v.invokeId & INVOKE_ID_MASK)) {
    throw new EncodeError('XDLMS_VALUE_OUT_OF_RANGE', 'invoke-id-and-priority.invoke-id', '0..15', String(v.invokeId));
  }
  w.u8(invokeIdAndPriorityByte(v));
}

/**
 * Long-Invoke-Id-And-Priority (Green Book 9.5, an Unsigned32) of data-notification and
 * access: bits 0-23 long-invoke-id, 24-27 reserved, 28 self-descriptive, 29 processing-option
 * (1 = break on error), 30 service-class (1 = confirmed), 31 priority (1 = high).
 */
export interface LongInvokeIdAndPriority {
  readonly invokeId: number;
  readonly selfDescriptive: boolean;
  readonly processingOption: 'continue-on-error' | 'break-on-error';
  readonly serviceClass: 'confirmed' | 'unconfirmed';
  readonly priority: 'normal' | 'high';
  readonly raw?: number;
}

const LONG_INVOKE_ID_MASK = 0x00ffffff;
const LONG_RESERVED_MASK = 0x0f000000;
const SELF_DESCRIPTIVE_BIT = 0x10000000;
const PROCESSING_OPTION_BIT = 0x20000000;
const LONG_SERVICE_CLASS_BIT = 0x40000000;
const LONG_PRIORITY_BIT = 0x80000000;

export function longInvokeIdAndPriorityFromNumber(v: number): LongInvokeIdAndPriority {
  return {
    invokeId: v & LONG_INVOKE_ID_MASK,
    selfDescriptive: (v & SELF_DESCRIPTIVE_BIT) !== 0,
    processingOption: v & PROCESSING_OPTION_BIT ? 'break-on-error' : 'continue-on-error',
    serviceClass: v & LONG_SERVICE_CLASS_BIT ? 'confirmed' : 'unconfirmed',
    priority: v & LONG_PRIORITY_BIT ? 'high' : 'normal',
    raw: v >>> 0,
  };
}

export function longInvokeIdAndPriorityNumber(v: LongInvokeIdAndPriority): number {
  return (
    ((v.invokeId & LONG_INVOKE_ID_MASK) |
      ((v.raw ?? 0) & LONG_RESERVED_MASK) |
      (v.selfDescriptive ? SELF_DESCRIPTIVE_BIT : 0) |
      (v.processingOption === 'break-on-error' ? PROCESSING_OPTION_BIT : 0) |
      (v.serviceClass === 'confirmed' ? LONG_SERVICE_CLASS_BIT : 0) |
      (v.priority === 'high' ? LONG_PRIORITY_BIT : 0)) >>>
    0
  );
}

export function decodeLongInvokeIdAndPriority(r: ByteReader): LongInvokeIdAndPriority {
  return longInvokeIdAndPriorityFromNumber(r.u32('long-invoke-id-and-priority'));
}

export function encodeLongInvokeIdAndPriority(w: ByteWriter, v: LongInvokeIdAndPriority): void {
  if (!Number.isInteger(v.invokeId) || v.invokeId !== (v.invokeId & LONG_INVOKE_ID_MASK)) {
    throw new EncodeError('XDLMS_VALUE_OUT_OF_RANGE', 'long-invoke-id-and-priority.long-invoke-id', '0..16777215', String(v.invokeId));
  }
  w.u32(longInvokeIdAndPriorityNumber(v));
}

/**
 * The start every LN service APDU shares (Green Book 9.5): the CHOICE octet naming the variant,
 * then Invoke-Id-And-Priority. An unknown choice fails at its octet before anything after it is read.
 */
export function decodeServiceHeader(
  r: ByteReader,
  what: string,
  variants: Readonly<Record<string, number>>,
): { readonly at: number; readonly choice: number; readonly invokeIdAndPriority: InvokeIdAndPriority } {
  const at = r.offset;
  const choice = r.u8(choiceLabel(what));
  if (!isChoice(variants, choice)) return failChoice(at, what, choice);
  return { at, choice, invokeIdAndPriority: decodeInvokeIdAndPriority(r) };
}

/** `${what} choice`, made once per service name (not a string per APDU decoded). */
function choiceLabel(what: string): string {
  let label = CHOICE_LABELS.get(what);
  if (label === undefined) {
    label = `${what} choice`;
    CHOICE_LABELS.set(what, label);
  }
  return label;
}

const CHOICE_LABELS = new Map<string, string>();

export function encodeServiceHeader(w: ByteWriter, choice: number, invokeIdAndPriority: InvokeIdAndPriority): void {
  w.u8(choice);
  encodeInvokeIdAndPriority(w, invokeIdAndPriority);
}
