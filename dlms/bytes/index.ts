export { ByteReader } from './reader';
export { ByteWriter, encodeWith } from './writer';
export { DecodeError, isDecodeError } from './decode-error';
export { fromHex, toHex, bytesEqual, concatBytes } from './hex';
