import { expect } from 'chai';
import * as path from 'node:path';
import { attributeOf, classById } from '../../dlms/cosem/catalogue/catalogue';
import { checkType, parseTypeSpec } from '../../dlms/cosem/catalogue/type-spec';
import { parseObis } from '../../dlms/cosem/obis';
import { loadMeterDefinition, parseMeterDefinition } from '../meter/load';
import { contextFor } from '../../test/support/simulator/testing';
import { CLASS_BY_NAME } from '.';
import { invokeMethod, readAttribute, writeAttribute } from './store';

const FULL = loadMeterDefinition(path.join(__dirname, '..', 'meters', 'full.yaml'));
const gsm = { classId: 47, logicalName: parseObis('0-0:128.10.47.255') };

describe('catalogue-served classes (generic.ts) and the full meter', () => {
  it('serves at least 45 classes in the full meter, each attribute a value of its catalogue type', () => {
    const ids = new Set(FULL.objects.map((o) => o.cosemClass.classId));
    expect(ids.size).to.be.at.least(45);
    const ctx = contextFor('management', { meter: FULL });
    for (const o of FULL.objects.filter((x) => x.obis.startsWith('0-0:128.10.'))) {
      const def = classById(o.cosemClass.classId, o.cosemClass.version)!;
      for (const a of def.attributes) {
        const r = readAttribute({ classId: def.classId, logicalName: o.logicalName, attribute: a.index }, ctx);
        expect(r.kind, `${o.obis}/${a.index}`).to.equal('data');
        if (r.kind === 'data') expect(checkType(r.data, parseTypeSpec(attributeOf(def, a.index)!.type)), `${o.obis}/${a.index}`).to.deep.equal([]);
      }
    }
  });

  it('stores a written value of the catalogue type and refuses another type with type-unmatched', () => {
    const ctx = contextFor('management', { meter: FULL });
    const operator = { ...gsm, attribute: 2 };
    expect(writeAttribute(operator, { type: 'visible-string', value: 'dlmsct' }, ctx)).to.deep.equal({ kind: 'success' });
    expect(readAttribute(operator, ctx)).to.deep.equal({ kind: 'data', data: { type: 'visible-string', value: 'dlmsct' } });
    expect(writeAttribute(operator, { type: 'unsigned', value: 1 }, ctx)).to.deep.equal({ kind: 'error', result: 'type-unmatched' });
  });

  it('accepts a method parameter of its catalogue type, refuses another and an undefined method index', () => {
    const ctx = contextFor('management', { meter: FULL });
    const ntp = { classId: 100, logicalName: parseObis('0-0:128.10.100.255') };
    expect(invokeMethod({ ...ntp, method: 1 }, { type: 'integer', value: 0 }, ctx).kind).to.equal('success');
    expect(invokeMethod({ ...ntp, method: 3 }, { type: 'integer', value: 0 }, ctx)).to.deep.equal({ kind: 'error', result: 'type-unmatched' });
    expect(invokeMethod({ ...ntp, method: 4 }, { type: 'integer', value: 0 }, ctx)).to.deep.equal({ kind: 'error', result: 'object-undefined' });
  });

  it('names catalogue classes by their Blue Book name and locates a value of the wrong type', () => {
    expect(CLASS_BY_NAME.get('iec-twisted-pair-1-setup')?.classId).to.equal(24);
    const text = `description: x\nextends: ${path.join(__dirname, '..', 'meters', 'default.yaml')}\nobjects:\n  - obis: 0-0:128.10.47.255\n    class: gsm-diagnostic\n    values: { 2: { type: unsigned, value: 1 } }\n`;
    expect(() => parseMeterDefinition(text, 'm.yaml')).to.throw(/m\.yaml:6:18: .*attribute 2 of GSM diagnostic must be visible-string/);
    const clash = `description: x\nextends: ${path.join(__dirname, '..', 'meters', 'default.yaml')}\nobjects:\n  - obis: 0-0:1.0.0.255\n    class: gsm-diagnostic\n`;
    expect(() => parseMeterDefinition(clash, 'm.yaml')).to.throw(/m\.yaml:4:5: .*duplicate logical name 0-0:1\.0\.0\.255/);
  });
});
