import { expect } from 'chai';
import { associatedCase, runCasesText } from '../../test/support/harness/simulator-run';

const CASE = (args: string) => associatedCase('T-ATTRIBUTES', `      - check.attributes: ${args}\n`);

describe('check.attributes', () => {
  it('reads every readable attribute of every object of the class, one sub-step per object', async () => {
    const [r] = await runCasesText(CASE('{ class: [3, 4] }'));
    expect(r?.status, r?.reason).to.equal('passed');
    const objects = r!.steps[2]!.substeps!;
    expect(objects.map((o) => o.name)).to.include('object 1-0:1.6.0.255 (class 4 v0)');
    const notes = objects[0]!.notes;
    expect(notes[0]).to.equal('attribute 1 logical_name → data octet-string 0100010800FF (1-0:1.8.0.255)');
    expect(notes[1]).to.match(/^attribute 2 value → data double-long-unsigned \d+$/);
    expect(notes[2]).to.equal('attribute 3 scaler_unit → data structure{ integer 0, enum 30 }');
  });

  it('names the object, attribute, clause, expected type and what came when a type is wrong', async () => {
    const [r] = await runCasesText(CASE('{ class: 3 }'), ['register-scaler-unit-wrong-type']);
    expect(r?.status).to.equal('failed');
    expect(r?.reason).to.equal(
      'Blue Book 4.3.2 (Register, attribute types): expected 1-0:1.8.0.255: attribute 3 scaler_unit of type structure{scaler: integer, unit: enum}, ' +
        'got structure{ long 0, long 30 } (value.scaler: expected integer, got long; value.unit: expected enum, got long) (also failed: 1-0:2.8.0.255, 1-0:32.7.0.255)',
    );
  });

  it('fails when the object list grants read access the GET then refuses', async () => {
    const [r] = await runCasesText(CASE('{ class: 1 }'), ['access-rights-wrong']);
    expect(r?.status).to.equal('failed');
    expect(r?.reason)
      .to.contain('Blue Book 4.4.3')
      .and.contain('0-0:96.1.0.255: attribute 2 value read (access_mode 1), got data-access-result read-write-denied');
  });

  it('applies the class rules on top of the types (a clock month 13)', async () => {
    const [r] = await runCasesText(CASE('{ class: 8 }'), ['clock-invalid-date-time']);
    expect(r?.reason).to.contain('Blue Book 4.5.1 (Clock').and.contain('attribute 2 time').and.contain('month 13');
  });

  it('reads a profile buffer by entries 1..bufferEntries when the object list offers selector 2', async () => {
    const [r] = await runCasesText(CASE('{ class: 7, bufferEntries: 3 }'));
    const buffer = r!.steps[2]!.substeps![0]!.notes.find((n) => n.startsWith('attribute 2'));
    expect(buffer).to.match(/^attribute 2 buffer \(entries 1\.\.3\) → data array\{ structure/);
  });
});
