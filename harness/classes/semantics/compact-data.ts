/**
 * Compact data (class 62, Blue Book 4.3.10): template_description describes the captured values
 * as a compact-array's contents-description does (Green Book 9.5 TypeDescription): a structure
 * with one element per capture object. compact_buffer holds those values A-XDR encoded without
 * their tags, so it decodes as whole values of that description; after a reset it is empty.
 * The buffer is decoded by the compact-array decoder itself (a compact-array is exactly a
 * description followed by untagged values), so every value type and bound is the codec's.
 */
import { DATA_TAG } from '../../../dlms/axdr/data';
import { decodeDataBytes } from '../../../dlms/axdr/data-codec';
import { decodeTypeDescription, formatTypeDescription } from '../../../dlms/axdr/type-description';
import { ByteReader, ByteWriter, concatBytes, isDecodeError } from '../../../dlms/bytes';
import { type ClassSemantics, itemsOf, type Problem } from './types';

const COMPACT_BUFFER = 2;
const CAPTURE_OBJECTS = 3;
const TEMPLATE_DESCRIPTION = 5;
/** Nesting a template may have; the codec's own bound for Data. */
const TEMPLATE_DEPTH = 64;

/** A decode error located in the attribute it came from (its offset counts from that attribute's first octet). */
const messageOf = (e: unknown, where: string): string =>
  isDecodeError(e) ? `${e.code} at byte ${e.offset} of ${where}: expected ${e.expected}, got ${e.actual}` : e instanceof Error ? e.message : String(e);

/** Why `buffer` is not whole untagged values of `template` (undefined: it is). */
function bufferError(template: Uint8Array, buffer: Uint8Array): string | undefined {
  const head = new ByteWriter().u8(DATA_TAG['compact-array']).bytes(template).length(buffer.length).finish();
  try {
    // The base makes the error's offset count from the buffer's first byte.
    decodeDataBytes(concatBytes(head, buffer), -head.length);
    return undefined;
  } catch (e) {
    return messageOf(e, 'compact_buffer');
  }
}

export const COMPACT_DATA_SEMANTICS: ClassSemantics = {
  classId: 62,
  clause: '4.3.10',
  check({ values }) {
    const template = values.get(TEMPLATE_DESCRIPTION);
    const buffer = values.get(COMPACT_BUFFER);
    if (template?.type !== 'octet-string') return [];
    const problems: Problem[] = [];
    if (template.value.length === 0) {
      if (buffer?.type === 'octet-string' && buffer.value.length > 0)
        problems.push({
          attribute: COMPACT_BUFFER,
          expected: 'an empty compact_buffer while template_description is empty',
          actual: `${buffer.value.length} octet(s)`,
        });
      return problems;
    }
    let elements: number;
    try {
      const r = new ByteReader(template.value);
      const desc = decodeTypeDescription(r, TEMPLATE_DEPTH);
      r.expectEnd('template_description');
      if (desc.kind !== 'structure')
        return [
          {
            attribute: TEMPLATE_DESCRIPTION,
            expected: 'template_description a structure, one element per capture object',
            actual: formatTypeDescription(desc),
          },
        ];
      elements = desc.elements.length;
    } catch (e) {
      return [
        { attribute: TEMPLATE_DESCRIPTION, expected: 'template_description a type description (Green Book 9.5)', actual: messageOf(e, 'template_description') },
      ];
    }
    const captures = values.get(CAPTURE_OBJECTS);
    if (captures?.type === 'array' && itemsOf(captures).length !== elements)
      problems.push({
        attribute: TEMPLATE_DESCRIPTION,
        expected: `template_description one element per capture object (${itemsOf(captures).length})`,
        actual: `${elements} element(s)`,
      });
    if (buffer?.type === 'octet-string') {
      const error = bufferError(template.value, buffer.value);
      if (error !== undefined)
        problems.push({ attribute: COMPACT_BUFFER, expected: 'compact_buffer whole values of template_description, without tags', actual: error });
    }
    return problems;
  },
};
