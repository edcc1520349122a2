/**
 * `check.sap-assignment: { from }` — the SAP assignment list (class 17, attribute 2; Blue Book
 * 4.4.9) kept by an earlier get/read is well formed (structures of SAP long-unsigned and
 * logical_device_name octet-string), names no SAP and no logical device twice, and lists the
 * logical device the profile addresses: its server logical address (hdlc.serverLogical) with
 * the profile's logical device name, when the profile states one.
 */
import type { Data } from '../../dlms/axdr/data';
import { formatData } from '../../dlms/axdr/format';
import { ExpectationFailure, HarnessFault } from '../engine/verdict';
import { dataText } from './outcome';
import { defineStep } from './registry';

const RULE = 'Blue Book 4.4.9 (SAP assignment, SAP_assignment_list) and Green Book 4.1.8 (every logical device listed)';

defineStep({
  name: 'check.sap-assignment',
  description: 'Check a SAP_assignment_list kept by an earlier get: well formed, no SAP or device twice, lists the profile logical device',
  schema: { type: 'object', properties: { from: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9]*$' } }, required: ['from'] },
  async run(ctx, args) {
    const list: Data | undefined = ctx.vars.get(args.from);
    if (!list) throw new HarnessFault(`no data kept under "${args.from}" (an earlier get with as: ${args.from} must succeed first)`, 'harness', 'VAR_UNSET');
    if (list.type !== 'array') throw new ExpectationFailure(RULE, 'an array of asslist_element', formatData(list, { maxItems: 4 }));
    const saps = new Map<number, number>();
    const names = new Map<string, number>();
    const entries = list.items.map((el, i) => {
      const at = `SAP_assignment_list[${i}]`;
      if (el.type !== 'structure' || el.items.length !== 2)
        throw new ExpectationFailure(RULE, `${at}: structure { SAP: long-unsigned, logical_device_name: octet-string }`, formatData(el, { maxItems: 4 }));
      const [sap, name] = el.items as [Data, Data];
      if (sap.type !== 'long-unsigned') throw new ExpectationFailure(RULE, `${at}.SAP: long-unsigned`, sap.type);
      if (name.type !== 'octet-string') throw new ExpectationFailure(RULE, `${at}.logical_device_name: octet-string`, name.type);
      const text = dataText(name) ?? '';
      const dup = saps.get(sap.value) ?? names.get(text);
      if (dup !== undefined)
        throw new ExpectationFailure(
          RULE,
          'each SAP and each logical device listed once',
          `${at} repeats SAP_assignment_list[${dup}] (SAP ${sap.value}, ${JSON.stringify(text)})`,
        );
      saps.set(sap.value, i);
      names.set(text, i);
      return { sap: sap.value, name: text };
    });
    const sap = ctx.profile.hdlc.serverLogical;
    const mine = entries.find((e) => e.sap === sap);
    if (!mine)
      throw new ExpectationFailure(
        RULE,
        `the logical device at SAP ${sap} (the profile's server logical address) listed`,
        `SAPs ${entries.map((e) => e.sap).join(', ') || '(none)'}`,
      );
    const want = ctx.profile.expect.logicalDeviceName;
    if (want !== undefined && mine.name !== want)
      throw new ExpectationFailure(RULE, `SAP ${sap} named ${JSON.stringify(want)} (the profile's logicalDeviceName)`, JSON.stringify(mine.name));
    ctx.note(`SAP assignment: ${entries.length} logical device(s), no duplicates, SAP ${sap} is ${JSON.stringify(mine.name)}`);
  },
});
