/**
 * Data, class 1 version 0 (Blue Book 4.3.1): a value and nothing else. The value is either
 * written in the definition or taken from the meter (`source: logical-device-name`, the COSEM
 * logical device name object 0-0:42.0.0.255, Green Book 4.1.8.2 / Blue Book 6.2.13). A written
 * value may be replaced by SET (same type only); a value taken from the meter may not.
 */
import type { Data } from '../../dlms/axdr/data';
import type { Cursor } from '../../config/yaml-cursor';
import { DATA } from '../../dlms/cosem/catalogue/data';
import { attributesOf } from './from-catalogue';
import { dataFromYaml } from './yaml-data';
import { ok, refused, writeRefused, written, type ClassBehaviour } from './types';

const SOURCES = ['logical-device-name'] as const;

export const dataClass: ClassBehaviour = {
  name: 'data',
  classId: DATA.classId,
  version: DATA.version,
  attributes: attributesOf(DATA),
  methodCount: DATA.methods.length,
  keys: ['value', 'source'],
  build(entry: Cursor) {
    const hasValue = entry.get('value').present;
    const hasSource = entry.get('source').present;
    if (hasValue === hasSource) entry.fail('a data object needs exactly one of value, source');
    if (hasSource) {
      entry.get('source').oneOf(SOURCES);
      return {
        read: (attribute, ctx) =>
          attribute === 2 ? ok({ type: 'octet-string', value: new TextEncoder().encode(ctx.meter.logicalDeviceName) }) : refused('object-undefined'),
      };
    }
    // The value lives: a SET in a read-write association replaces it for every later reader.
    let value: Data = dataFromYaml(entry.get('value'));
    return {
      read: (attribute) => (attribute === 2 ? ok(value) : refused('object-undefined')),
      write(attribute, next) {
        if (attribute !== 2) return writeRefused('object-undefined');
        // The value keeps its type (Blue Book 4.3.1 leaves it to the meter; ours fixes it at definition).
        if (next.type !== value.type) return writeRefused('type-unmatched');
        value = next;
        return written;
      },
    };
  },
};
