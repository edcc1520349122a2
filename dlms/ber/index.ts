export { type TagClass, type BerTag, UNIVERSAL, tag, tagsEqual, formatTag, readTag, writeTag } from './tag';
export { type BerElement, type ReadElement, readElement, contentReader, expectTag, readExplicit, writeElement, writeRaw, detach } from './tlv';
export { decodeOid, encodeOid, isOid } from './oid';
export { decodeInteger, encodeInteger } from './integer';
export { type BerBitString, decodeBitString, encodeBitString, bitAt, bitStringOf } from './bit-string';
