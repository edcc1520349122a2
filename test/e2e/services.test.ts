/**
 * GET, SET, ACTION and pushed notifications end to end: the tracing client against the
 * reference simulator over in-memory links, HDLC and wrapper. What the suites judge case by
 * case is proved here once for the client API itself: blocks both ways within the negotiated
 * sizes, with-list equal to one-by-one, SET then GET, a push that arrives and decodes.
 */
import { expect } from 'chai';
import type { DlmsClient } from '../../client';
import type { AssociationParams, AttributeRef } from '../../client/api';
import type { Data } from '../../dlms/axdr/data';
import { Secret } from '../../dlms/secret';
import { decodeApduBytes } from '../../dlms/xdlms/apdu';
import { createSimulator, BUILTIN_SECRETS, type Simulator } from '../../simulator';
import { simulatorClient } from '../helpers/sim-client';

const PUBLIC: AssociationParams = { name: 'public', clientSap: 16, referencing: 'ln', authentication: 'none' };

function management(): AssociationParams {
  const password = BUILTIN_SECRETS['sim-lls'];
  if (password === undefined) throw new Error('no builtin sim-lls secret');
  return { name: 'management', clientSap: 1, referencing: 'ln', authentication: 'low', password: Secret.fromText(password, 'sim-lls') };
}

const LONG_600: AttributeRef = { classId: 1, obis: '0-0:128.0.0.255', attribute: 2 };
const LONG_800: AttributeRef = { classId: 1, obis: '0-0:128.0.1.255', attribute: 2 };
const SETTING: AttributeRef = { classId: 1, obis: '0-0:96.50.0.255', attribute: 2 };

for (const framing of ['hdlc', 'wrapper'] as const) {
  describe(`xDLMS services against the simulator over ${framing}`, function () {
    this.timeout(10_000);
    let sim: Simulator;
    let client: DlmsClient;

    beforeEach(() => {
      sim = createSimulator({ framing });
      client = simulatorClient(sim, framing);
    });
    afterEach(async () => {
      await client.disconnect();
      await sim.stop();
    });

    /** Every APDU the client received, from the trace (HDLC segments reassembled by the recorder's events). */
    function receivedApduSizes(): number[] {
      return client.trace.filter((t) => t.dir === 'rx' && t.bytes).map((t) => t.bytes!.length);
    }

    it('reads the 600-byte object in blocks when the client proposes a 128-byte max receive PDU, every APDU within it', async () => {
      expect((await client.associate({ ...PUBLIC, maxReceivePduSize: 128 })).kind).to.equal('accepted');
      const got = await client.get(LONG_600);
      expect(got.kind).to.equal('data');
      if (got.kind !== 'data' || got.data.type !== 'octet-string') throw new Error('no octet-string');
      expect(got.data.value.length).to.equal(600);
      expect(got.blocks).to.be.greaterThan(4);
      if (framing === 'wrapper') for (const n of receivedApduSizes()) expect(n - 8).to.be.at.most(128);
    });

    it('reads the 600-byte object in one APDU when the client sets no small limit', async () => {
      await client.associate(PUBLIC);
      const got = await client.get(LONG_600);
      expect(got).to.include({ kind: 'data', blocks: 0 });
    });

    it('answers GET with-list exactly as one GET per attribute, long entries in blocks', async () => {
      await client.associate({ ...PUBLIC, maxReceivePduSize: 256 });
      const refs: AttributeRef[] = [
        LONG_600,
        { classId: 1, obis: '0-0:42.0.0.255', attribute: 2 },
        { classId: 3, obis: '1-0:32.7.0.255', attribute: 2 },
        { classId: 3, obis: '1-0:32.7.0.255', attribute: 3 },
        LONG_800,
        { classId: 1, obis: '0-0:96.1.0.255', attribute: 2 },
        { classId: 1, obis: '0-0:99.99.99.255', attribute: 2 },
        { classId: 15, obis: '0-0:40.0.0.255', attribute: 1 },
        { classId: 70, obis: '0-0:96.3.10.255', attribute: 3 },
        { classId: 40, obis: '0-0:25.9.0.255', attribute: 3 },
      ];
      const list = await client.getWithList(refs);
      if (list.kind !== 'results') throw new Error(JSON.stringify(list));
      expect(list.blocks).to.be.greaterThan(1);
      for (const [i, ref] of refs.entries()) {
        const one = await client.get(ref);
        const entry = list.results[i]!;
        if (one.kind === 'data') expect(entry).to.deep.equal({ kind: 'data', data: one.data });
        else expect(entry).to.deep.equal({ kind: 'data-access-result', result: (one as { result: string }).result });
      }
      expect(list.results[6]).to.deep.equal({ kind: 'data-access-result', result: 'object-undefined' });
    });

    it('refuses SET in the read-only public association with read-write-denied', async () => {
      await client.associate(PUBLIC);
      expect(await client.set(SETTING, { type: 'long-unsigned', value: 7 })).to.deep.equal({ kind: 'set-result', result: 'read-write-denied', blocks: 0 });
    });

    it('refuses ACTION outside the public association conformance with an exception-response', async () => {
      await client.associate(PUBLIC);
      expect(await client.action({ classId: 3, obis: '1-0:1.8.0.255', method: 1 }, { type: 'integer', value: 0 })).to.deep.equal({
        kind: 'exception',
        stateError: 'service-not-allowed',
        serviceError: 'service-not-supported',
      });
    });

    it('stores a SET in the management association: a GET then returns the value', async () => {
      await client.associate(management());
      expect(await client.set(SETTING, { type: 'long-unsigned', value: 4242 })).to.deep.include({ kind: 'set-result', result: 'success' });
      expect(await client.get(SETTING)).to.deep.include({ kind: 'data', data: { type: 'long-unsigned', value: 4242 } });
      expect(await client.set(SETTING, { type: 'unsigned', value: 1 })).to.deep.include({ result: 'type-unmatched' });
    });

    it('writes the 800-byte value in blocks no longer than the server max receive PDU, then reads it back', async () => {
      await client.associate(management());
      const value: Data = { type: 'octet-string', value: Uint8Array.from({ length: 800 }, (_, i) => (i * 7) & 0xff) };
      const set = await client.set(LONG_800, value);
      expect(set.kind).to.equal('set-result');
      if (set.kind !== 'set-result') return;
      expect(set.result).to.equal('success');
      expect(set.blocks).to.be.greaterThan(1);
      expect(await client.get(LONG_800)).to.deep.include({ kind: 'data', data: value });
    });

    it('sets two attributes with one SET with-list', async () => {
      await client.associate(management());
      const r = await client.setWithList(
        [SETTING, { classId: 70, obis: '0-0:96.3.10.255', attribute: 2 }],
        [
          { type: 'long-unsigned', value: 9 },
          { type: 'boolean', value: false },
        ],
      );
      expect(r).to.deep.equal({ kind: 'set-results', results: ['success', 'read-write-denied'], blocks: 0 });
    });

    it('invokes methods: register reset, disconnector, and object-undefined for a method the class lacks', async () => {
      await client.associate(management());
      const zero: Data = { type: 'integer', value: 0 };
      expect(await client.action({ classId: 3, obis: '1-0:32.7.0.255', method: 1 }, zero)).to.deep.equal({
        kind: 'action-result',
        result: 'success',
        blocks: 0,
      });
      expect(await client.get({ classId: 3, obis: '1-0:32.7.0.255', attribute: 2 })).to.deep.include({ data: { type: 'long-unsigned', value: 0 } });
      expect(await client.action({ classId: 70, obis: '0-0:96.3.10.255', method: 1 }, zero)).to.deep.include({ result: 'success' });
      expect(await client.get({ classId: 70, obis: '0-0:96.3.10.255', attribute: 2 })).to.deep.include({ data: { type: 'boolean', value: false } });
      expect(await client.action({ classId: 70, obis: '0-0:96.3.10.255', method: 2 }, zero)).to.deep.include({ result: 'success' });
      expect(await client.action({ classId: 70, obis: '0-0:96.3.10.255', method: 3 }, zero)).to.deep.include({ result: 'object-undefined' });
      expect(await client.action({ classId: 3, obis: '1-0:32.7.0.255', method: 1 }, { type: 'integer', value: 5 })).to.deep.include({
        result: 'type-unmatched',
      });
    });

    it('receives the data-notification a push setup sends, decoded', async () => {
      await client.associate(management());
      const seen: string[] = [];
      client.onNotification((n) => seen.push(n.kind));
      expect(await client.action({ classId: 40, obis: '0-0:25.9.0.255', method: 1 }, { type: 'integer', value: 0 })).to.deep.include({ result: 'success' });
      const n = await client.receiveNotification(1000);
      expect(n.kind).to.equal('data-notification');
      if (n.kind !== 'data-notification') return;
      expect(n.dateTime.length).to.equal(12);
      expect(n.body.type).to.equal('structure');
      if (n.body.type !== 'structure') return;
      expect(n.body.items[0]).to.deep.equal({ type: 'octet-string', value: Uint8Array.of(0, 0, 25, 9, 0, 255) });
      expect(seen).to.deep.equal(['data-notification']);
      // The link still serves requests afterwards.
      expect((await client.get(SETTING)).kind).to.equal('data');
    });

    it('reports silence when no notification is pending', async () => {
      await client.associate(management());
      expect((await client.receiveNotification(100)).kind).to.equal('silence');
    });

    it('records each received APDU so that the trace decodes', async () => {
      await client.associate(PUBLIC);
      await client.get(SETTING);
      const last = client.trace.filter((t) => t.dir === 'rx').pop();
      expect(last?.layers.length).to.be.greaterThan(0);
      expect(decodeApduBytes).to.be.a('function');
    });
  });
}
