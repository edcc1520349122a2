import { expect } from 'chai';
import { classStanding, NotCheckedTally, notChecked } from './class-standing';

describe('class standing (what the catalogue can judge)', () => {
  it('knows a catalogued class and version', () => {
    const s = classStanding(3, 0);
    expect(s.kind).to.equal('known');
  });

  it('makes a remark of a DLMS UA class in a version the catalogue lacks, naming the versions it has', () => {
    const s = classStanding(92, 0);
    expect(s).to.deep.equal({ kind: 'version-unknown', knownVersions: [1, 2, 3] });
    expect(notChecked(92, 0, s as Exclude<typeof s, { kind: 'known' }>)).to.deep.equal({
      text: 'not checked: class 92 v0 unknown (the catalogue has v1, v2, v3)',
      remark: true,
    });
  });

  it('makes a remark of a class id of the DLMS UA range the catalogue does not know', () => {
    const s = classStanding(126, 0);
    expect(s.kind).to.equal('class-unknown');
    expect(notChecked(126, 0, s as Exclude<typeof s, { kind: 'known' }>).remark).to.equal(true);
  });

  it('notes manufacturer-specific (8192..32767) and user-group (32768..65535) classes without a remark', () => {
    for (const [id, kind] of [
      [8191, 'class-unknown'],
      [8192, 'manufacturer-specific'],
      [32767, 'manufacturer-specific'],
      [32768, 'user-group-specific'],
      [65535, 'user-group-specific'],
    ] as const) {
      const s = classStanding(id, 0);
      expect(s.kind, String(id)).to.equal(kind);
      if (s.kind !== 'known') expect(notChecked(id, 0, s).remark, String(id)).to.equal(kind === 'class-unknown');
    }
  });

  it('counts the objects not checked by kind for the closing note', () => {
    const t = new NotCheckedTally();
    expect(t.summary()).to.equal(undefined);
    t.add(true);
    t.add(false);
    t.add(false);
    expect(t.summary()).to.equal(
      '3 object(s) not checked: 1 of a DLMS UA class or version the catalogue does not know (a remark each); 2 of a manufacturer-specific or user-group class',
    );
  });
});
