import { ByteReader, ByteWriter } from '../bytes';
import type { Data } from '../axdr/data';
import { decodeData, encodeData } from '../axdr/data-codec';
import { EncodeError } from '../axdr/encode-error';
import { readOptional, writeI8, writeOptional, writeU16, writeU8 } from './axdr-fields';

/**
 * The addressing structures of the LN services (Green Book 9.5): Cosem-Attribute-Descriptor,
 * Cosem-Method-Descriptor and Selective-Access-Descriptor.
 */

/** Cosem-Object-Instance-Id is an OCTET STRING (SIZE(6)): the OBIS code, without a length octet. */
export const INSTANCE_ID_LENGTH = 6;

export interface CosemAttributeDescriptor {
  readonly classId: number; // Cosem-Class-Id, Unsigned16
  readonly instanceId: Uint8Array; // 6 bytes, the logical name
  readonly attributeId: number; // Cosem-Object-Attribute-Id, Integer8
}

export interface CosemMethodDescriptor {
  readonly classId: number;
  readonly instanceId: Uint8Array;
  readonly methodId: number; // Cosem-Object-Method-Id, Integer8
}

/** Selective-Access-Descriptor: access-selector Unsigned8 and access-parameters Data (Blue Book 4.x per class). */
export interface SelectiveAccessDescriptor {
  readonly accessSelector: number;
  readonly accessParameters: Data;
}

/** Cosem-Attribute-Descriptor-With-Selection, used by the with-list services. */
export interface AttributeWithSelection {
  readonly attribute: CosemAttributeDescriptor;
  readonly accessSelection?: SelectiveAccessDescriptor;
}

/** class-id and instance-id, the part both descriptors start with. */
type ObjectId = Pick<CosemAttributeDescriptor, 'classId' | 'instanceId'>;

function decodeObjectId(r: ByteReader): ObjectId {
  const classId = r.u16('class-id');
  return { classId, instanceId: r.take(INSTANCE_ID_LENGTH, 'instance-id').slice() };
}

function encodeObjectId(w: ByteWriter, d: ObjectId, path: string): void {
  writeU16(w, d.classId, `${path}.class-id`);
  if (d.instanceId.length !== INSTANCE_ID_LENGTH)
    throw new EncodeError('XDLMS_BAD_INSTANCE_ID', `${path}.instance-id`, `${INSTANCE_ID_LENGTH} bytes`, `${d.instanceId.length} bytes`);
  w.bytes(d.instanceId);
}

export function decodeAttributeDescriptor(r: ByteReader): CosemAttributeDescriptor {
  return { ...decodeObjectId(r), attributeId: r.i8('attribute-id') };
}

export function encodeAttributeDescriptor(w: ByteWriter, d: CosemAttributeDescriptor): void {
  encodeObjectId(w, d, 'cosem-attribute-descriptor');
  writeI8(w, d.attributeId, 'cosem-attribute-descriptor.attribute-id');
}

export function decodeMethodDescriptor(r: ByteReader): CosemMethodDescriptor {
  return { ...decodeObjectId(r), methodId: r.i8('method-id') };
}

export function encodeMethodDescriptor(w: ByteWriter, d: CosemMethodDescriptor): void {
  encodeObjectId(w, d, 'cosem-method-descriptor');
  writeI8(w, d.methodId, 'cosem-method-descriptor.method-id');
}

export function decodeSelectiveAccess(r: ByteReader): SelectiveAccessDescriptor {
  const accessSelector = r.u8('access-selector');
  return { accessSelector, accessParameters: decodeData(r) };
}

export function encodeSelectiveAccess(w: ByteWriter, s: SelectiveAccessDescriptor): void {
  writeU8(w, s.accessSelector, 'selective-access-descriptor.access-selector');
  encodeData(w, s.accessParameters);
}

/** An OPTIONAL Selective-Access-Descriptor (presence octet first). */
export function decodeOptionalSelectiveAccess(r: ByteReader): SelectiveAccessDescriptor | undefined {
  return readOptional(r, 'access-selection', decodeSelectiveAccess);
}

export function encodeOptionalSelectiveAccess(w: ByteWriter, s: SelectiveAccessDescriptor | undefined): void {
  writeOptional(w, s, encodeSelectiveAccess);
}

export function decodeAttributeWithSelection(r: ByteReader): AttributeWithSelection {
  const attribute = decodeAttributeDescriptor(r);
  const accessSelection = decodeOptionalSelectiveAccess(r);
  return accessSelection === undefined ? { attribute } : { attribute, accessSelection };
}

export function encodeAttributeWithSelection(w: ByteWriter, a: AttributeWithSelection): void {
  encodeAttributeDescriptor(w, a.attribute);
  encodeOptionalSelectiveAccess(w, a.accessSelection);
}
