import { BUILTIN_SECRETS } from '../secrets';
import { expect } from 'chai';
import { encodeRawFrame } from '../../dlms/hdlc/frame';
import { decodeFrame } from '../../dlms/hdlc/frame';
import { bytesEqual } from '../../dlms/bytes';
import type { Pdu } from '../../dlms/pdu/pdu';
import { createServerConnection } from '../server/connection';
import { aarqBytes, CLIENT, DEFAULT, getBytes, HdlcTestClient, pdu, RLRQ, SERVER, T0 } from '../../test/support/simulator/testing';
import { activeHooks, FAULTS, faultsNamed, UnknownFaultError } from '.';
import { SERVICE_FAULT_CASES } from '../../test/support/simulator/faults/service-faults.cases';
import { CLASS_FAULT_CASES } from '../../test/support/simulator/faults/class-faults.cases';
import { CLASS_RULE_FAULT_CASES } from '../../test/support/simulator/faults/class-rule-faults.cases';
import { LIVING_METHOD_FAULT_CASES } from '../../test/support/simulator/faults/living-method-faults.cases';
import { METHOD_FAULT_CASES } from '../../test/support/simulator/faults/method-faults.cases';
import { ASSOCIATION_FAULT_CASES } from '../../test/support/simulator/faults/association-faults.cases';
import { HDLC_FAULT_CASES } from '../../test/support/simulator/faults/hdlc-faults.cases';
import { SECURITY_FAULT_CASES } from '../../test/support/simulator/faults/security-faults.cases';
import { REAL_METER_FAULT_CASES } from '../../test/support/simulator/faults/real-meter-faults.cases';
import { WALK_FAULT_CASES } from '../../test/support/simulator/faults/walk-faults.cases';
import { SELECTION_FAULT_CASES } from '../../test/support/simulator/faults/selection-faults.cases';
import { visibleTo } from '../objects/store';

/** A fresh HDLC connection to the default meter with these faults, already past SNRM/UA. */
function client(faults: readonly string[], sap = 16): HdlcTestClient {
  const conn = createServerConnection({ meter: DEFAULT, framing: 'hdlc', hooks: activeHooks(faultsNamed(faults)), startedAt: T0 });
  const c = new HdlcTestClient(conn, () => T0, { size: 1, upper: sap });
  c.connect();
  return c;
}

function associate(c: HdlcTestClient, password?: string): Pdu {
  return pdu(c.request(aarqBytes(password === undefined ? {} : { password })));
}

function get(c: HdlcTestClient, classId: number, obis: string, attribute: number, invokeId = 1): Pdu {
  return pdu(c.request(getBytes(classId, obis, attribute, invokeId)));
}

function objectList(c: HdlcTestClient): Uint8Array[] {
  const r = get(c, 15, '0-0:40.0.0.255', 2);
  if (r.type !== 'get-response' || r.variant !== 'normal' || r.result.kind !== 'data' || r.result.data.type !== 'array')
    throw new Error('expected the object list');
  return r.result.data.items.map((e) => {
    if (e.type !== 'structure' || e.items[2]?.type !== 'octet-string') throw new Error('expected an object_list_element');
    return e.items[2].value;
  });
}

const SELF = Uint8Array.of(0, 0, 40, 0, 0, 255);

/**
 * One case per fault: what the clean meter does, then what the faulty one does instead, and
 * that a neighbouring behaviour did not change.
 */
const CASES: Readonly<Record<string, () => void>> = {
  'association-refused': () => {
    expect(associate(client([]))).to.deep.include({ result: 'accepted' });
    expect(associate(client(['association-refused']))).to.deep.include({
      type: 'aare',
      result: 'rejected-permanent',
      resultSourceDiagnostic: { source: 'acse-service-user', diagnostic: 'no-reason-given' },
    });
  },

  'release-ignored': () => {
    const clean = client([]);
    associate(clean);
    expect(pdu(clean.request(RLRQ))).to.deep.equal({ type: 'rlre', reason: 'normal' });
    const faulty = client(['release-ignored']);
    expect(associate(faulty)).to.deep.include({ result: 'accepted' });
    expect(faulty.request(RLRQ)).to.equal(undefined);
    // The link still acknowledges the frame: only the application layer is silent.
    expect(faulty.frames[faulty.frames.length - 1]).to.deep.include({ type: 'RR' });
  },

  'get-served-without-association': () => {
    expect(get(client([]), 3, '1-0:1.8.0.255', 2)).to.deep.include({ type: 'exception-response', stateError: 'service-not-allowed' });
    expect(get(client(['get-served-without-association']), 3, '1-0:1.8.0.255', 2)).to.deep.include({
      type: 'get-response',
      result: { kind: 'data', data: { type: 'double-long-unsigned', value: 1234567 } },
    });
  },

  'lls-accepts-any-password': () => {
    expect(associate(client([], 1), 'wrong')).to.deep.include({ result: 'rejected-permanent' });
    expect(associate(client(['lls-accepts-any-password'], 1), 'wrong')).to.deep.include({ result: 'accepted' });
    // A missing mechanism is still refused: only the password check is broken.
    expect(associate(client(['lls-accepts-any-password'], 1))).to.deep.include({ result: 'rejected-permanent' });
  },

  'lls-wrong-diagnostic': () => {
    const failure = { source: 'acse-service-user', diagnostic: 'authentication-failure' };
    expect(associate(client([], 1), 'wrong')).to.deep.include({ result: 'rejected-permanent', resultSourceDiagnostic: failure });
    expect(associate(client(['lls-wrong-diagnostic'], 1), 'wrong')).to.deep.include({
      result: 'rejected-permanent',
      resultSourceDiagnostic: { source: 'acse-service-user', diagnostic: 'no-reason-given' },
    });
    expect(associate(client(['lls-wrong-diagnostic'], 1), BUILTIN_SECRETS['sim-lls']!)).to.deep.include({ result: 'accepted' });
  },

  'object-list-duplicate-entry': () => {
    const clean = client([]);
    associate(clean);
    const names = objectList(clean);
    const faulty = client(['object-list-duplicate-entry']);
    associate(faulty);
    const listed = objectList(faulty);
    expect(listed).to.have.length(names.length + 1);
    expect(new Set(listed.map((n) => n.join('.'))).size).to.equal(names.length);
  },

  'object-list-missing-self': () => {
    const clean = client([]);
    associate(clean);
    expect(objectList(clean).some((n) => bytesEqual(n, SELF))).to.equal(true);
    const faulty = client(['object-list-missing-self']);
    associate(faulty);
    const listed = objectList(faulty);
    expect(listed.some((n) => bytesEqual(n, SELF))).to.equal(false);
    expect(listed).to.have.length(DEFAULT.objects.filter((o) => visibleTo(o, DEFAULT.associations[0]!)).length - 1);
    // The object itself still answers: only the list is wrong.
    expect(get(faulty, 15, '0-0:40.0.0.255', 8)).to.deep.include({ result: { kind: 'data', data: { type: 'enum', value: 2 } } });
  },

  'logical-device-name-wrong': () => {
    const name = (c: HdlcTestClient) => {
      associate(c);
      const r = get(c, 1, '0-0:42.0.0.255', 2);
      if (r.type !== 'get-response' || r.variant !== 'normal' || r.result.kind !== 'data' || r.result.data.type !== 'octet-string') throw new Error();
      return new TextDecoder().decode(r.result.data.value);
    };
    expect(name(client([]))).to.equal('DLM0000000001');
    expect(name(client(['logical-device-name-wrong']))).to.equal('WRONGNAME');
    // The SAP assignment still names the configured device.
    const c = client(['logical-device-name-wrong']);
    associate(c);
    expect(get(c, 17, '0-0:41.0.0.255', 2)).to.deep.include({
      result: {
        kind: 'data',
        data: {
          type: 'array',
          items: [
            {
              type: 'structure',
              items: [
                { type: 'long-unsigned', value: 1 },
                { type: 'octet-string', value: new TextEncoder().encode('DLM0000000001') },
              ],
            },
          ],
        },
      },
    });
  },

  'hdlc-accepts-bad-fcs': () => {
    const snrm = encodeRawFrame({ destination: SERVER, source: CLIENT, control: 0x93, overrides: { fcs: 'corrupt' } });
    const clean = createServerConnection({ meter: DEFAULT, framing: 'hdlc', hooks: activeHooks([]), startedAt: T0 });
    expect(clean.receive(snrm, T0)).to.deep.equal([]);
    const faulty = createServerConnection({ meter: DEFAULT, framing: 'hdlc', hooks: activeHooks(faultsNamed(['hdlc-accepts-bad-fcs'])), startedAt: T0 });
    const out = faulty.receive(snrm, T0);
    expect(out.map((b) => decodeFrame(b).type)).to.deep.equal(['UA']);
  },

  'register-scaler-unit-wrong-type': () => {
    const scalerUnit = (faults: string[]) => {
      const c = client(faults);
      associate(c);
      return get(c, 3, '1-0:32.7.0.255', 3);
    };
    expect(scalerUnit([])).to.deep.include({
      result: {
        kind: 'data',
        data: {
          type: 'structure',
          items: [
            { type: 'integer', value: -1 },
            { type: 'enum', value: 35 },
          ],
        },
      },
    });
    expect(scalerUnit(['register-scaler-unit-wrong-type'])).to.deep.include({
      result: {
        kind: 'data',
        data: {
          type: 'structure',
          items: [
            { type: 'long', value: -1 },
            { type: 'long', value: 35 },
          ],
        },
      },
    });
  },

  'get-invoke-id-not-echoed': () => {
    const invokeId = (faults: string[], id: number) => {
      const c = client(faults);
      associate(c);
      const r = get(c, 3, '1-0:1.8.0.255', 2, id);
      if (r.type !== 'get-response') throw new Error();
      return r.invokeIdAndPriority.invokeId;
    };
    expect(invokeId([], 5)).to.equal(5);
    expect(invokeId(['get-invoke-id-not-echoed'], 5)).to.equal(6);
    expect(invokeId(['get-invoke-id-not-echoed'], 15)).to.equal(0);
  },

  ...SERVICE_FAULT_CASES,
  ...CLASS_FAULT_CASES,
  ...CLASS_RULE_FAULT_CASES,
  ...METHOD_FAULT_CASES,
  ...LIVING_METHOD_FAULT_CASES,
  ...ASSOCIATION_FAULT_CASES,
  ...HDLC_FAULT_CASES,
  ...SECURITY_FAULT_CASES,
  ...WALK_FAULT_CASES,
  ...SELECTION_FAULT_CASES,
  ...REAL_METER_FAULT_CASES,
};

describe('simulator faults', () => {
  it('has a case below for every fault in the catalogue, and a fault for every case', () => {
    expect(Object.keys(CASES).sort()).to.deep.equal(FAULTS.map((f) => f.name).sort());
  });

  it('names, describes and cites a clause for every fault, with unique kebab-case names', () => {
    for (const f of FAULTS) {
      expect(f.name).to.match(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(f.description.length).to.be.greaterThan(20);
      expect(f.clause).to.match(/Green Book|Blue Book/);
    }
    expect(new Set(FAULTS.map((f) => f.name)).size).to.equal(FAULTS.length);
  });

  it('refuses an unknown fault name, listing the known ones', () => {
    expect(() => faultsNamed(['no-such-fault'])).to.throw(UnknownFaultError, /no-such-fault.*association-refused.*get-invoke-id-not-echoed/);
  });

  for (const [name, run] of Object.entries(CASES)) {
    it(`${name}: changes exactly the behaviour it names`, run);
  }
});
