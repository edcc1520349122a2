/**
 * The behaviour cases of the faults that reproduce real meters' defects
 * (../shared/vectors/real-meter.md sections 1 and 4), for faults.test.ts: the clean meter's
 * answer, then the faulty one's, with the bytes the real meter sent where the row gives them.
 */
import { expect } from 'chai';
import { encodePduBytes } from '../../../../dlms/pdu/pdu';
import { userInformationFor } from '../../../../dlms/acse/user-information';
import { APPLICATION_CONTEXT_NAME } from '../../../../dlms/acse/names';
import { bitStringOf } from '../../../../dlms/ber/bit-string';
import { parseObis } from '../../../../dlms/cosem/obis';
import { toHex } from '../../../../dlms/bytes';
import { createServerConnection } from '../../../../simulator/server/connection';
import { aarqBytes, DEFAULT, getBytes, HdlcTestClient, pdu, T0 } from '../testing';
import { activeHooks } from '../../../../simulator/faults/types';
import { faultsNamed } from '../../../../simulator/faults';

function client(faults: readonly string[], sap = 16): HdlcTestClient {
  const conn = createServerConnection({ meter: DEFAULT, framing: 'hdlc', hooks: activeHooks(faultsNamed(faults)), startedAt: T0 });
  const c = new HdlcTestClient(conn, () => T0, { size: 1, upper: sap });
  c.connect();
  return c;
}

function hook(name: string) {
  const h = faultsNamed([name])[0]!.hooks.onApduOut;
  if (!h) throw new Error(`${name} has no onApduOut`);
  return h;
}

const VERSION1_AARQ = (): Uint8Array =>
  encodePduBytes({
    type: 'aarq',
    protocolVersion: bitStringOf(1, [0]),
    applicationContextName: APPLICATION_CONTEXT_NAME['logical-name'],
    userInformation: userInformationFor({
      type: 'initiate-request',
      proposedDlmsVersionNumber: 6,
      proposedConformance: ['get'],
      clientMaxReceivePduSize: 0xffff,
    }),
  });

/** The real meter's too-short frame: format A0 05, addresses 03 21, control 53 (DISC), no FCS. */
const SHORT_FRAME = Uint8Array.of(0x7e, 0xa0, 0x05, 0x03, 0x21, 0x53, 0x7e);

function afterShortFrame(faults: readonly string[]): number {
  const conn = createServerConnection({ meter: DEFAULT, framing: 'hdlc', hooks: activeHooks(faultsNamed(faults)), startedAt: T0 });
  const c = new HdlcTestClient(conn, () => T0);
  c.connect();
  conn.receive(SHORT_FRAME, T0);
  return c.send({ type: 'RR', nr: 0 }).length;
}

export const REAL_METER_FAULT_CASES: Readonly<Record<string, () => void>> = {
  'hdlc-swallows-frame-after-short': () => {
    expect(afterShortFrame([])).to.equal(1);
    expect(afterShortFrame(['hdlc-swallows-frame-after-short'])).to.equal(0);
  },

  'aarq-protocol-version-refused': () => {
    expect(pdu(client([]).request(VERSION1_AARQ()))).to.deep.include({ result: 'accepted' });
    expect(pdu(client(['aarq-protocol-version-refused']).request(VERSION1_AARQ()))).to.deep.include({
      result: 'rejected-permanent',
      resultSourceDiagnostic: { source: 'acse-service-provider', diagnostic: 'no-common-acse-version' },
    });
    expect(pdu(client(['aarq-protocol-version-refused']).request(aarqBytes()))).to.deep.include({ result: 'accepted' });
  },

  'get-with-list-result-untagged': () => {
    // real-meter.md section 1: C4 03 C1 0A 00 09 06 0000280002FF 01 00 02 02 0F 11 12 0001 … (here three results, not ten).
    const response = encodePduBytes({
      type: 'get-response',
      variant: 'with-list',
      invokeIdAndPriority: { invokeId: 1, serviceClass: 'confirmed', priority: 'high' },
      result: [
        { kind: 'data', data: { type: 'octet-string', value: parseObis('0-0:40.0.2.255') } },
        { kind: 'data-access-result', result: 'success' },
        {
          kind: 'data',
          data: {
            type: 'structure',
            items: [
              { type: 'integer', value: 17 },
              { type: 'long-unsigned', value: 1 },
            ],
          },
        },
      ],
    });
    expect(toHex(response)).to.equal('C403C1030009060000280002FF01000002020F11120001');
    expect(toHex(hook('get-with-list-result-untagged')(Uint8Array.of(), response, true)!)).to.equal('C403C1030009060000280002FF010002020F11120001');
    const normal = getBytes(1, '0-0:42.0.0.255', 2);
    expect(hook('get-with-list-result-untagged')(Uint8Array.of(), normal, true)).to.equal(normal);
  },

  'get-blocks-never-end': () => {
    const transform = faultsNamed(['get-blocks-never-end'])[0]!.hooks.transformResponse!;
    const invokeIdAndPriority = { invokeId: 3, serviceClass: 'confirmed', priority: 'high' } as const;
    const next = { type: 'get-request', variant: 'next', invokeIdAndPriority, blockNumber: 41 } as const;
    // Whatever the meter had left (here: an error for a block past its data), block 42 comes, an empty array, not the last.
    const answer = transform(next, {
      type: 'get-response',
      variant: 'normal',
      invokeIdAndPriority,
      result: { kind: 'data-access-result', result: 'object-unavailable' },
    });
    expect(toHex(encodePduBytes(answer))).to.equal('C402C3000000002A00020100');
    const normal = { type: 'get-response', variant: 'normal', invokeIdAndPriority, result: { kind: 'data', data: { type: 'null-data' } } } as const;
    expect(
      transform(
        { type: 'get-request', variant: 'normal', invokeIdAndPriority, attribute: { classId: 1, instanceId: parseObis('0-0:42.0.0.255'), attributeId: 2 } },
        normal,
      ),
    ).to.equal(normal);
  },

  'profile-buffer-error-with-stray-bytes': () => {
    const clean = client([]);
    clean.request(aarqBytes());
    expect(pdu(clean.request(getBytes(7, '1-0:99.1.0.255', 2)))).to.deep.include({ type: 'get-response' });
    const faulty = client(['profile-buffer-error-with-stray-bytes']);
    faulty.request(aarqBytes());
    expect(toHex(faulty.request(getBytes(7, '1-0:99.1.0.255', 2))!)).to.equal('C402C100000000010102000102C402C80000000001010200');
    expect(pdu(faulty.request(getBytes(1, '0-0:42.0.0.255', 2)))).to.deep.include({ type: 'get-response', variant: 'normal' });
  },

  'response-trailing-bytes': () => {
    const clean = client([]);
    clean.request(aarqBytes());
    const good = clean.request(getBytes(8, '0-0:1.0.0.255', 2))!;
    const faulty = client(['response-trailing-bytes']);
    faulty.request(aarqBytes());
    const bad = faulty.request(getBytes(8, '0-0:1.0.0.255', 2))!;
    expect(bad.length).to.equal(good.length + 18);
    expect(toHex(bad.subarray(good.length, good.length + 4))).to.equal('090F090C');
    expect(faulty.request(getBytes(1, '0-0:42.0.0.255', 2))!.length).to.equal(clean.request(getBytes(1, '0-0:42.0.0.255', 2))!.length);
  },

  'initiate-failure-as-exception': () => {
    const aare = encodePduBytes({
      type: 'aare',
      applicationContextName: APPLICATION_CONTEXT_NAME['logical-name-with-ciphering'],
      result: 'rejected-permanent',
      resultSourceDiagnostic: { source: 'acse-service-user', diagnostic: 'no-reason-given' },
      userInformation: userInformationFor({
        type: 'confirmed-service-error',
        service: 'initiateError',
        error: { kind: 'application-reference', value: 'deciphering-error' },
      }),
    });
    expect(toHex(hook('initiate-failure-as-exception')(Uint8Array.of(0x60), aare, false)!)).to.equal('D80105');
    const accepted = aarqBytes();
    expect(hook('initiate-failure-as-exception')(Uint8Array.of(0x60), accepted, false)).to.equal(accepted);
  },

  'rlre-lengths-wrong': () => {
    // RLRE reason normal with a 34-byte user-information (the real meter's shape: 63 29 80 01 00 BE 24 04 22 …).
    const ui = Uint8Array.of(0x04, 0x22, ...new Uint8Array(0x22));
    const rlre = Uint8Array.of(0x63, 3 + 2 + ui.length, 0x80, 0x01, 0x00, 0xbe, ui.length, ...ui);
    const out = hook('rlre-lengths-wrong')(Uint8Array.of(0x62), rlre, true)!;
    expect(toHex(out.subarray(0, 7))).to.equal('632580010' + '0BE23');
    expect(hook('rlre-lengths-wrong')(Uint8Array.of(0x62), Uint8Array.of(0x63, 0x03, 0x80, 0x01, 0x00), true)).to.deep.equal(
      Uint8Array.of(0x63, 0x03, 0x80, 0x01, 0x00),
    );
  },

  'entry-selector-refused': () => {
    const h = faultsNamed(['entry-selector-refused'])[0]!.hooks.transformResponse!;
    const request = {
      type: 'get-request',
      variant: 'normal',
      invokeIdAndPriority: { invokeId: 1, serviceClass: 'confirmed', priority: 'high' },
      attribute: { classId: 7, instanceId: parseObis('1-0:99.1.0.255'), attributeId: 2 },
      accessSelection: { accessSelector: 2, accessParameters: { type: 'null-data' } },
    } as const;
    const response = {
      type: 'get-response',
      variant: 'normal',
      invokeIdAndPriority: request.invokeIdAndPriority,
      result: { kind: 'data', data: { type: 'array', items: [] } },
    } as const;
    expect(h(request, response)).to.deep.include({ result: { kind: 'data-access-result', result: 'temporary-failure' } });
    expect(h({ ...request, accessSelection: { accessSelector: 1, accessParameters: { type: 'null-data' } } }, response)).to.equal(response);
  },

  'clock-day-zero': () => {
    const read = (faults: readonly string[]) => {
      const c = client(faults);
      c.request(aarqBytes());
      const r = pdu(c.request(getBytes(8, '0-0:1.0.0.255', 2)));
      if (r.type !== 'get-response' || r.variant !== 'normal' || r.result.kind !== 'data' || r.result.data.type !== 'octet-string')
        throw new Error('expected the clock time');
      return r.result.data.value;
    };
    expect(read([])[3]).to.be.within(1, 31);
    expect(read(['clock-day-zero'])[3]).to.equal(0);
  },

  'refused-aarq-opens-association': () => {
    const wrong = aarqBytes({ password: 'not-the-password' });
    const clean = client([], 1);
    expect(pdu(clean.request(wrong))).to.deep.include({ result: 'rejected-permanent' });
    expect(pdu(clean.request(getBytes(1, '0-0:42.0.0.255', 2)))).to.deep.include({ type: 'exception-response' });
    const faulty = client(['refused-aarq-opens-association'], 1);
    expect(pdu(faulty.request(wrong))).to.deep.include({ result: 'rejected-permanent' });
    expect(pdu(faulty.request(getBytes(1, '0-0:42.0.0.255', 2)))).to.deep.include({ type: 'get-response' });
  },
};
