import { expect } from 'chai';
import { ConfigError } from '../../config/error';
import { diffSnapshots } from './diff';
import { diffTable, differenceText } from './diff-report';
import { ruleSet } from './rules';
import { parseRules } from './rules-file';
import { type AssociationSnapshot, type AttributeEntry, type ObjectEntry, SNAPSHOT_FORMAT, type Snapshot } from './snapshot';

const LDN_A = '444C4D30303030303030303031'; // DLM0000000001
const LDN_B = '444C4D30303030303030303032'; // DLM0000000002

const v = (type: string, value: unknown) => ({ kind: 'value' as const, data: { type, value } as never });
const scaler = (s: number, u: number) => ({
  kind: 'value' as const,
  data: {
    type: 'structure',
    items: [
      { type: 'integer', value: s },
      { type: 'enum', value: u },
    ],
  },
});
const attr = (id: number, read: AttributeEntry['read'], access = 1): AttributeEntry => ({ id, access, selectors: [], read });

function objects(
  o: { energy?: number; scaler?: number; time?: string; ldn?: string; version?: number; access?: number; extra?: boolean; methodAccess?: number } = {},
): ObjectEntry[] {
  const ldn = o.ldn ?? LDN_A;
  return [
    {
      classId: 8,
      version: 0,
      obis: '0-0:1.0.0.255',
      attributes: [attr(1, v('octet-string', '0000010000FF')), attr(2, v('octet-string', o.time ?? '07EA0101040A0000FF800000'))],
      methods: [],
    },
    {
      classId: 17,
      version: 0,
      obis: '0-0:41.0.0.255',
      attributes: [
        attr(2, {
          kind: 'value',
          data: {
            type: 'array',
            items: [
              {
                type: 'structure',
                items: [
                  { type: 'long-unsigned', value: 1 },
                  { type: 'octet-string', value: ldn },
                ],
              },
            ],
          },
        }),
      ],
      methods: [],
    },
    { classId: 1, version: 0, obis: '0-0:42.0.0.255', attributes: [attr(2, v('octet-string', ldn))], methods: [] },
    {
      classId: 3,
      version: o.version ?? 0,
      obis: '1-0:1.8.0.255',
      attributes: [attr(2, v('double-long-unsigned', o.energy ?? 100)), attr(3, scaler(o.scaler ?? 0, 30), o.access ?? 1)],
      methods: [{ id: 1, access: o.methodAccess ?? 0 }],
    },
    ...(o.extra ? [{ classId: 1, version: 0, obis: '0-0:96.50.0.255', attributes: [attr(2, v('long-unsigned', 1))], methods: [] }] : []),
  ];
}

function snap(associations: AssociationSnapshot[], ldn = LDN_A): Snapshot {
  return {
    format: SNAPSHOT_FORMAT,
    device: { name: 'm' },
    profile: 'p.yaml',
    target: 't',
    readAt: '2026-01-01T00:00:00.000Z',
    logicalDeviceName: ldn,
    associations,
  };
}
const read = (name: string, objs: ObjectEntry[]): AssociationSnapshot => ({ name, status: 'read', associationVersion: 0, objects: objs });

const golden = snap([read('public', objects()), read('reader', objects())]);
const kinds = (g: Snapshot, m: Snapshot, rules = ruleSet()) =>
  diffSnapshots(g, m, rules).differences.map((d) => [d.association, d.kind, d.object ?? null, d.member ?? null]);

describe('dlmsct diff (a meter against the golden sample)', () => {
  it('finds nothing between two readings of the same meter, whatever its dynamic values and own identity did', () => {
    const other = snap(
      [read('public', objects({ energy: 999, time: '07EA0102050B0000FF800000', ldn: LDN_B })), read('reader', objects({ ldn: LDN_B }))],
      LDN_B,
    );
    const d = diffSnapshots(golden, other, ruleSet());
    expect(d.same).to.equal(true);
    expect(d.ignored.map((i) => [i.object, i.attribute])).to.deep.include.members([
      ['1-0:1.8.0.255 (class 3)', 2],
      ['0-0:1.0.0.255 (class 8)', 2],
      ['0-0:42.0.0.255 (class 1)', 2],
    ]);
    // The default rules say why, with the Blue Book clause of the class.
    expect(d.ignored.find((i) => i.object.startsWith('1-0:1.8.0.255'))!.reason).to.equal('Blue Book 4.3.2 Register: value is dyn. (changes by nature)');
    expect(d.ignored.find((i) => i.object.startsWith('0-0:1.0.0.255'))!.reason).to.equal('Blue Book 4.5.1 Clock: time is dyn. (changes by nature)');
  });

  it('reports an association missing or extra, an object missing or extra', () => {
    expect(kinds(golden, snap([read('public', objects())]))).to.deep.equal([['reader', 'association-missing', null, null]]);
    expect(kinds(snap([read('public', objects())]), golden)).to.deep.equal([['reader', 'association-extra', null, null]]);
    const fewer = objects().filter((o) => o.obis !== '1-0:1.8.0.255');
    expect(kinds(golden, snap([read('public', fewer), read('reader', objects())]))).to.deep.equal([
      ['public', 'object-missing', '1-0:1.8.0.255 (class 3)', null],
    ]);
    expect(kinds(golden, snap([read('public', objects({ extra: true })), read('reader', objects())]))).to.deep.equal([
      ['public', 'object-extra', '0-0:96.50.0.255 (class 1)', null],
    ]);
  });

  it('reports a class version, an attribute access right and a method access right that differ', () => {
    const m = snap([read('public', objects({ version: 1, access: 3, methodAccess: 1 })), read('reader', objects())]);
    expect(kinds(golden, m)).to.deep.equal([
      ['public', 'class-version', '1-0:1.8.0.255 (class 3)', null],
      ['public', 'attribute-access', '1-0:1.8.0.255 (class 3)', 'attribute 3'],
      ['public', 'method-access', '1-0:1.8.0.255 (class 3)', 'method 1'],
    ]);
  });

  it('reports a static value that differs, with both values readable', () => {
    const m = snap([read('public', objects()), read('reader', objects({ scaler: -1 }))]);
    const d = diffSnapshots(golden, m, ruleSet());
    expect(d.differences).to.have.length(1);
    expect(differenceText(d.differences[0]!)).to.equal(
      '[reader] value 1-0:1.8.0.255 (class 3) attribute 3: golden structure{integer 0, enum 30}, meter structure{integer -1, enum 30}',
    );
    expect(diffTable(d, { golden: 'g.json', actual: 'm.json' })).to.match(
      /^reader +1-0:1\.8\.0\.255 \(class 3\) +attribute 3 +value +structure\{integer 0, enum 30\} +structure\{integer -1, enum 30\}$/m,
    );
  });

  it('reports a value the meter now refuses, or a meter that could not be associated', () => {
    const refused = objects().map((o) =>
      o.obis === '1-0:1.8.0.255' ? { ...o, attributes: [attr(2, v('double-long-unsigned', 1)), attr(3, { kind: 'refused', result: 'read-write-denied' })] } : o,
    );
    expect(kinds(golden, snap([read('public', refused), read('reader', objects())]))).to.deep.equal([
      ['public', 'read-outcome', '1-0:1.8.0.255 (class 3)', 'attribute 3'],
    ]);
    const d = diffSnapshots(golden, snap([{ name: 'public', status: 'not-read', reason: 'not associated: rejected' }, read('reader', objects())]), ruleSet());
    expect(d.differences).to.deep.equal([
      { association: 'public', kind: 'association-not-read', golden: 'read', actual: 'not read (not associated: rejected)' },
    ]);
  });

  it('compares a dynamic attribute a rules file adds, and leaves out a static one it removes', () => {
    const rules = ruleSet(
      parseRules(
        'compare:\n  - { class: 3, obis: 1-0:1.8.0.255, attribute: 2, reason: delivered with zero energy }\nignore:\n  - { class: 3, attribute: 3 }\n',
        'rules.yaml',
      ),
    );
    const m = snap([read('public', objects({ energy: 5, scaler: 3 })), read('reader', objects())]);
    const d = diffSnapshots(golden, m, rules);
    expect(d.differences.map((x) => [x.kind, x.member])).to.deep.equal([['value', 'attribute 2']]);
    expect(d.ignored.find((i) => i.attribute === 3)!.reason).to.equal('ignore (rules file) [rules.yaml:4:5]');
  });

  it('refuses a rules file with a mistake, located', () => {
    const located = (text: string) => {
      try {
        parseRules(text, 'rules.yaml');
      } catch (e) {
        expect(e).to.be.instanceOf(ConfigError);
        return `${(e as ConfigError).line}:${(e as ConfigError).col} ${(e as ConfigError).code}`;
      }
      return 'no error';
    };
    expect(located('compare:\n  - { class: 3, attribute: 2, obis: 1-0:1.8.0.256 }\n')).to.equal('2:37 RULE_BAD_OBIS');
    expect(located('compare:\n  - { class: 3 }\n')).to.match(/^2:5 /);
    expect(located('ignore:\n  - { class: 3, attribute: 2 }\ncompare:\n  - { class: 3, attribute: 2 }\n')).to.equal('4:5 RULE_DUPLICATE');
    expect(located('compare: yes\n')).to.match(/^1:10 /);
    expect(located('comprae: []\n')).to.match(/^1:1 /);
  });
});
