import { expect } from 'chai';
import { APPLICATION_CONTEXT_NAME } from '../../dlms/acse/names';
import { encodePduBytes, type Pdu } from '../../dlms/pdu/pdu';
import { userInformationFor } from '../../dlms/acse/user-information';
import { concatBytes } from '../../dlms/bytes';
import { decodeApduBytes, type Apdu } from '../../dlms/xdlms/apdu';
import type { Conformance } from '../../dlms/xdlms/conformance';
import { activeHooks, NO_FAULTS } from '../faults';
import { actionUndefinedMethodSuccess } from '../faults/action-undefined-method-success';
import { methodWithoutAccessExecuted } from '../faults/method-without-access-executed';
import { baseNames } from '../objects/short-names';
import { DEFAULT, pdu, T0 } from '../../test/support/simulator/testing';
import { createSession, type Session } from './session';

const SN_SAP = 18;
/** Base names in definition order, 0x0100 apart (objects/short-names.ts): 0-0:42.0.0.255 is the fourth object. */
const LDN = 0x0400;
const LONG = 0x0a00; // 0-0:128.0.0.255, 600 octets
const LOAD_PROFILE = 0x0d00; // 1-0:99.1.0.255, Profile generic
const ALL_CONFORMANCE: Conformance = ['read', 'write', 'unconfirmed-write', 'multiple-references', 'block-transfer-with-get-or-read'];

/** The base name of the object `obis` (a.b.c.d.e.f) in the default meter. */
function baseNameOf(obis: string): number {
  const ln = Uint8Array.from(obis.split(/[-:.]/).map(Number));
  const [, base] = [...baseNames(DEFAULT.objects)].find(([o]) => o.logicalName.every((b, i) => b === ln[i]))!;
  return base;
}

function associated(
  conformance: Conformance = ['read', 'write', 'unconfirmed-write', 'multiple-references', 'block-transfer-with-get-or-read'],
  maxPdu = 0xffff,
  hooks = NO_FAULTS,
): Session {
  const s = createSession(DEFAULT, hooks, T0);
  const aare = pdu(
    s.handleApdu(
      encodePduBytes({
        type: 'aarq',
        applicationContextName: APPLICATION_CONTEXT_NAME['short-name'],
        userInformation: userInformationFor({
          type: 'initiate-request',
          proposedDlmsVersionNumber: 6,
          proposedConformance: conformance,
          clientMaxReceivePduSize: maxPdu,
        }),
      }),
      SN_SAP,
      T0,
    ),
  );
  if (aare.type !== 'aare' || aare.result !== 'accepted') throw new Error('SN association refused');
  return s;
}

const ask = (s: Session, apdu: Pdu): Pdu => pdu(s.handleApdu(encodePduBytes(apdu), SN_SAP, T0));
const read = (...names: number[]): Apdu => ({
  type: 'read-request',
  variableAccessSpecification: names.map((variableName) => ({ kind: 'variable-name', variableName })),
});

describe('server short-name services (READ, WRITE)', () => {
  it('reads an attribute by base name + 8·(n − 1): the logical device name and the logical_name', () => {
    const r = ask(associated(), read(LDN + 8, LDN));
    expect(r).to.deep.equal({
      type: 'read-response',
      results: [
        { kind: 'data', data: { type: 'octet-string', value: new TextEncoder().encode('DLM0000000001') } },
        { kind: 'data', data: { type: 'octet-string', value: Uint8Array.of(0, 0, 42, 0, 0, 255) } },
      ],
    });
  });

  it('lists the objects it sees with their base names in the current Association SN at 0xFA00', () => {
    const r = ask(associated(), read(0xfa08));
    if (r.type !== 'read-response' || r.results[0]?.kind !== 'data' || r.results[0].data.type !== 'array') throw new Error('expected the object list');
    const rows = r.results[0].data.items.map((e) => (e.type === 'structure' ? e.items : []));
    // base_name is a long: 0xFA00 travels as −1536.
    expect(rows).to.deep.include([
      { type: 'long', value: -1536 },
      { type: 'long-unsigned', value: 12 },
      { type: 'unsigned', value: 2 },
      { type: 'octet-string', value: Uint8Array.of(0, 0, 40, 0, 0, 255) },
    ]);
    expect(rows.some((x) => x[1]?.type === 'long-unsigned' && x[1].value === 15)).to.equal(false);
  });

  it('lists the access rights it grants on each object by base name in access_rights_list at 0xFA10', () => {
    const r = ask(associated(), read(0xfa10));
    if (r.type !== 'read-response' || r.results[0]?.kind !== 'data' || r.results[0].data.type !== 'array') throw new Error('expected the access rights list');
    const ldn = r.results[0].data.items.find((e) => e.type === 'structure' && e.items[0]?.type === 'long' && e.items[0].value === LDN);
    // Data: logical_name and value, read-only in this association; no method.
    expect(ldn).to.deep.equal({
      type: 'structure',
      items: [
        { type: 'long', value: LDN },
        {
          type: 'array',
          items: [1, 2].map((id) => ({
            type: 'structure',
            items: [{ type: 'integer', value: id }, { type: 'enum', value: 1 }, { type: 'null-data' }],
          })),
        },
        { type: 'array', items: [] },
      ],
    });
  });

  it('serves parameterized access to a Profile generic buffer as GET serves selective access (entry selector 2)', () => {
    const s = associated(['read', 'parameterized-access']);
    const entry = {
      type: 'structure',
      items: [
        { type: 'double-long-unsigned', value: 1 },
        { type: 'double-long-unsigned', value: 1 },
        { type: 'long-unsigned', value: 1 },
        { type: 'long-unsigned', value: 0 },
      ],
    } as const;
    const r = ask(s, {
      type: 'read-request',
      variableAccessSpecification: [{ kind: 'parameterized-access', variableName: LOAD_PROFILE + 8, selector: 2, parameter: entry }],
    });
    if (r.type !== 'read-response' || r.results[0]?.kind !== 'data' || r.results[0].data.type !== 'array')
      throw new Error(`expected one row, got ${JSON.stringify(r)}`);
    expect(r.results[0].data.items).to.have.length(1);
    const other = ask(s, {
      type: 'read-request',
      variableAccessSpecification: [{ kind: 'parameterized-access', variableName: LOAD_PROFILE + 8, selector: 9, parameter: entry }],
    });
    expect(other).to.deep.equal({ type: 'read-response', results: [{ kind: 'data-access-error', error: 'other-reason' }] });
  });

  it('answers object-undefined for a name between attributes, past the last attribute, or of no object', () => {
    const r = ask(associated(), read(LDN + 4, LDN + 16, 0x7ff8));
    expect(r).to.deep.equal({ type: 'read-response', results: Array(3).fill({ kind: 'data-access-error', error: 'object-undefined' }) });
  });

  it('invokes a method by READ or WRITE of its short name (base + first-method offset + 8·(m − 1)), refused here for want of method access', () => {
    const register = baseNameOf('1-0:1.8.0.255');
    const clock = baseNameOf('0-0:1.0.0.255');
    // Register reset at x + 0x28, Clock shift_time (method 6) at x + 0x60 + 5·8 (Blue Book short-name tables).
    const r = ask(associated(), read(register + 0x28, clock + 0x60 + 5 * 8));
    expect(r).to.deep.equal({ type: 'read-response', results: Array(2).fill({ kind: 'data-access-error', error: 'read-write-denied' }) });
    const w = ask(associated(), {
      type: 'write-request',
      variableAccessSpecification: [{ kind: 'variable-name', variableName: register + 0x28 }],
      listOfData: [{ type: 'integer', value: 0 }],
    });
    expect(w).to.deep.equal({ type: 'write-response', results: [{ kind: 'data-access-error', error: 'read-write-denied' }] });
  });

  it('answers object-undefined for the name past the last method, and for method names of a class without methods', () => {
    const r = ask(associated(), read(baseNameOf('1-0:1.8.0.255') + 0x30, LDN + 0x28));
    expect(r).to.deep.equal({ type: 'read-response', results: Array(2).fill({ kind: 'data-access-error', error: 'object-undefined' }) });
  });

  it('lets the method faults break the READ of a method name as they break ACTION: success (null-data) instead of the refusal', () => {
    const register = baseNameOf('1-0:1.8.0.255');
    const faulty = associated(ALL_CONFORMANCE, 0xffff, activeHooks([methodWithoutAccessExecuted, actionUndefinedMethodSuccess]));
    const r = ask(faulty, read(register + 0x28, register + 0x30));
    expect(r).to.deep.equal({ type: 'read-response', results: Array(2).fill({ kind: 'data', data: { type: 'null-data' } }) });
  });

  it('refuses a WRITE the association may not do with read-write-denied, one result per variable', () => {
    const r = ask(associated(), {
      type: 'write-request',
      variableAccessSpecification: [
        { kind: 'variable-name', variableName: LDN },
        { kind: 'variable-name', variableName: 0x7ff8 },
      ],
      listOfData: [{ type: 'octet-string', value: new Uint8Array(6) }, { type: 'null-data' }],
    });
    expect(r).to.deep.equal({
      type: 'write-response',
      results: [
        { kind: 'data-access-error', error: 'read-write-denied' },
        { kind: 'data-access-error', error: 'object-undefined' },
      ],
    });
  });

  it('sends nothing back for an unconfirmed WRITE', () => {
    const s = associated();
    expect(
      s.handleApdu(
        encodePduBytes({
          type: 'unconfirmed-write-request',
          variableAccessSpecification: [{ kind: 'variable-name', variableName: LDN }],
          listOfData: [{ type: 'null-data' }],
        }),
        SN_SAP,
        T0,
      ),
    ).to.equal(undefined);
  });

  it('cuts a long ReadResponse into consecutive data blocks, the last flagged, asked for by block-number-access', () => {
    const s = associated(undefined, 256);
    const parts: Uint8Array[] = [];
    let r = ask(s, read(LONG + 8));
    for (let n = 1; ; n++) {
      const b = r.type === 'read-response' ? r.results[0] : undefined;
      if (b?.kind !== 'data-block-result') throw new Error(`expected a data block, got ${JSON.stringify(r)}`);
      expect(b.blockNumber).to.equal(n);
      parts.push(b.rawData);
      if (b.lastBlock) break;
      r = ask(s, { type: 'read-request', variableAccessSpecification: [{ kind: 'block-number-access', blockNumber: n }] });
    }
    expect(parts.length).to.be.greaterThan(2);
    const whole = decodeApduBytes(concatBytes(Uint8Array.of(0x0c), ...parts));
    expect(whole).to.deep.include({ type: 'read-response' });
    if (whole.type !== 'read-response' || whole.results[0]?.kind !== 'data' || whole.results[0].data.type !== 'octet-string')
      throw new Error('expected the long value');
    expect(whole.results[0].data.value).to.have.length(600);
  });

  it('refuses a block number that is not the last one sent with data-block-number-invalid', () => {
    const s = associated(undefined, 256);
    ask(s, read(LONG + 8));
    expect(ask(s, { type: 'read-request', variableAccessSpecification: [{ kind: 'block-number-access', blockNumber: 5 }] })).to.deep.equal({
      type: 'read-response',
      results: [{ kind: 'data-access-error', error: 'data-block-number-invalid' }],
    });
  });

  it('refuses READ and WRITE outside the negotiated conformance, and before any association', () => {
    expect(ask(associated(['write']), read(LDN))).to.deep.equal({
      type: 'exception-response',
      stateError: 'service-not-allowed',
      serviceError: { kind: 'service-not-supported' },
    });
    expect(pdu(createSession(DEFAULT, NO_FAULTS, T0).handleApdu(encodePduBytes(read(LDN)), SN_SAP, T0))).to.deep.include({
      type: 'exception-response',
      stateError: 'service-not-allowed',
    });
  });

  it('answers an RLRQ that carries an InitiateRequest with the association InitiateResponse', () => {
    const s = associated();
    const rlre = ask(s, {
      type: 'rlrq',
      reason: 'normal',
      userInformation: userInformationFor({
        type: 'initiate-request',
        proposedDlmsVersionNumber: 6,
        proposedConformance: ['read'],
        clientMaxReceivePduSize: 0xffff,
      }),
    });
    expect(rlre).to.deep.include({ type: 'rlre', reason: 'normal' });
    if (rlre.type !== 'rlre') throw new Error();
    expect(rlre.userInformation?.apdu).to.deep.include({ type: 'initiate-response', vaaName: 0xfa00 });
  });
});
