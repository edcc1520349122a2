/**
 * `check.sn-object-list: {}` — the object_list of the current Association SN (class 12,
 * attribute 2, read at 0xFA08; Blue Book 4.4.2) is well formed, lists no logical name and no
 * base name twice, and lists the objects every logical device holds (Blue Book 4.1.8): the
 * current association itself (class 12, 0-0:40.0.0.255, base name 0xFA00) and the logical
 * device name 0-0:42.0.0.255.
 */
import { ExpectationFailure } from '../engine/verdict';
import { defineStep } from './registry';
import { CURRENT_ASSOCIATION_SN, snObjectList } from './sn-names';

const LIST_RULE = 'Blue Book 4.4.2 (Association SN attribute 2, object_list)';
const MANDATORY_RULE = 'Blue Book 4.1.8 (every logical device holds the current association and the logical device name objects)';

defineStep({
  name: 'check.sn-object-list',
  description: 'Check the current Association SN object_list: well formed, no name twice, lists itself at 0xFA00 and 0-0:42.0.0.255',
  schema: { type: 'object', properties: {} },
  async run(ctx) {
    const entries = await snObjectList(ctx);
    const byObis = new Map<string, number>();
    const byBase = new Map<number, number>();
    entries.forEach((e, i) => {
      const first = byObis.get(`${e.classId}/${e.obis}`) ?? byBase.get(e.baseName);
      if (first !== undefined)
        throw new ExpectationFailure(
          LIST_RULE,
          'each object and each base name listed once',
          `object_list[${first}] and object_list[${i}] (${e.obis}, base name 0x${e.baseName.toString(16).toUpperCase()})`,
        );
      byObis.set(`${e.classId}/${e.obis}`, i);
      byBase.set(e.baseName, i);
    });
    const self = entries.find((e) => e.classId === 12 && e.obis === '0-0:40.0.0.255');
    if (!self)
      throw new ExpectationFailure(
        MANDATORY_RULE,
        'the current association (class 12, 0-0:40.0.0.255) in the object_list',
        `${entries.length} entries without it`,
      );
    if (self.baseName !== CURRENT_ASSOCIATION_SN)
      throw new ExpectationFailure(LIST_RULE, 'the current Association SN at base name 0xFA00', `base name 0x${self.baseName.toString(16).toUpperCase()}`);
    if (!entries.some((e) => e.classId === 1 && e.obis === '0-0:42.0.0.255')) {
      throw new ExpectationFailure(
        MANDATORY_RULE,
        'the COSEM logical device name (class 1, 0-0:42.0.0.255) in the object_list',
        `${entries.length} entries without it`,
      );
    }
    ctx.note(`SN object_list: ${entries.length} objects, each listed once, current association at 0xFA00 and logical device name present`);
  },
});
