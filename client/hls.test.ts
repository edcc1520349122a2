import { expect } from 'chai';
import type { AssociationParams } from './api';
import { toHex } from '../dlms/bytes/hex';
import { builtinKey, builtinText, CLIENT_TITLE, GMAC, secureRig, suiteParams, type Rig } from '../test/helpers/secure-sim';

const LDN = { classId: 1, obis: '0-0:42.0.0.255', attribute: 2 } as const;

describe('client HLS and ciphering against the reference simulator', () => {
  let rig: Rig;
  afterEach(async () => rig.stop());

  const digest = (authentication: 'hls-md5' | 'hls-sha1' | 'hls-sha256', clientSap: number): AssociationParams => ({
    name: authentication,
    clientSap,
    referencing: 'ln',
    authentication,
    password: builtinText('sim-hls'),
    ...(authentication === 'hls-sha256' ? { security: suiteParams(0, { policy: 'none', ciphered: false }) } : {}),
  });

  for (const [mechanism, sap] of [
    ['hls-md5', 50],
    ['hls-sha1', 51],
    ['hls-sha256', 52],
  ] as const) {
    it(`authenticates both ways with ${mechanism} and then reads in the plain context`, async () => {
      rig = secureRig();
      const c = rig.client();
      expect((await c.associate(digest(mechanism, sap))).kind).to.equal('accepted');
      expect((await c.get(LDN)).kind).to.equal('data');
      expect((await c.release()).kind).to.equal('released');
    });
  }

  it('reports pass 3 failing when the HLS secret is wrong', async () => {
    rig = secureRig();
    const o = await rig.client().associate({ ...digest('hls-md5', 50), password: builtinText('sim-lls') });
    expect(o).to.deep.include({ kind: 'hls-failed', pass: 3 });
  });

  it('reports pass 4 failing when the server proves itself wrongly', async () => {
    rig = secureRig({ faults: ['hls-server-reply-wrong'] });
    const o = await rig.client().associate(GMAC);
    expect(o).to.deep.include({ kind: 'hls-failed', pass: 4 });
  });

  for (const suite of [0, 1, 2] as const) {
    it(`opens a ciphered association in suite ${suite}, reads through it and releases it with a protected RLRQ`, async () => {
      rig = secureRig();
      const c = rig.client();
      const params: AssociationParams =
        suite === 0 ? GMAC : { name: `s${suite}`, clientSap: 52 + suite, referencing: 'ln', authentication: 'hls-ecdsa', security: suiteParams(suite) };
      expect((await c.associate(params)).kind).to.equal('accepted');
      const got = await c.get(LDN);
      expect(got.kind === 'data' && got.data.type === 'octet-string' && new TextDecoder().decode(got.data.value)).to.equal('DLM0000000001');
      expect(await c.release({ userInformation: true })).to.deep.equal({ kind: 'released', reason: 'normal', userInformation: 'initiate-response' });
    });
  }

  it('uses ded- APDUs with a dedicated key and general-glo-ciphering when asked', async () => {
    rig = secureRig();
    const c = rig.client();
    await c.associate({ ...GMAC, security: suiteParams(0, { dedicatedKey: true }) });
    expect((await c.get(LDN)).kind).to.equal('data');
    await c.disconnect();
    await c.associate({ ...GMAC, security: suiteParams(0, { envelope: 'general' }) });
    expect((await c.get(LDN)).kind).to.equal('data');
    const summaries = c.trace.flatMap((r) => r.layers.map((l) => `${l.layer}: ${l.summary}`));
    expect(summaries.some((s) => s.startsWith('apdu: ded-get-request'))).to.equal(true);
    expect(summaries.some((s) => s.startsWith('apdu: general-glo-ciphering'))).to.equal(true);
  });

  it('sends HLS pass 3 under the global key when a dedicated key is proposed, and uses the dedicated key after it', async () => {
    rig = secureRig();
    const c = rig.client();
    expect((await c.associate({ ...GMAC, security: suiteParams(0, { dedicatedKey: true }) })).kind).to.equal('accepted');
    expect((await c.get(LDN)).kind).to.equal('data');
    const summaries = c.trace.flatMap((r) => r.layers.map((l) => `${l.layer}: ${l.summary}`));
    expect(summaries.some((s) => s.startsWith('apdu: glo-action-request'))).to.equal(true);
    expect(summaries.some((s) => s.startsWith('apdu: ded-action-request'))).to.equal(false);
    expect(summaries.some((s) => s.startsWith('apdu: ded-get-request'))).to.equal(true);
  });

  it('records every ciphered frame deciphered as well, and masks keys and the dedicated key', async () => {
    rig = secureRig();
    const c = rig.client();
    await c.associate({ ...GMAC, security: suiteParams(0, { dedicatedKey: true }) });
    await c.get(LDN);
    const ciphered = c.trace.filter((r) => r.layers.some((l) => l.layer === 'apdu' && /glo-|ded-/.test(l.summary)));
    expect(ciphered.length).to.be.greaterThan(4);
    for (const r of ciphered)
      expect(
        r.layers.map((l) => l.layer),
        r.layers.map((l) => l.summary).join(' | '),
      ).to.include('deciphered-apdu');
    const text = JSON.stringify(c.trace, (_k, v: unknown) => (v instanceof Uint8Array ? toHex(v) : v));
    for (const k of ['sim-ek', 'sim-ak', 'sim-kek']) expect(text).to.not.contain(toHex(builtinKey(k).reveal()));
    // The dedicated key travels inside the glo-initiate-request: deciphered, it is shown by length only.
    const dedicated = c.security!()!;
    expect(dedicated.dedicated).to.equal(true);
    expect(text).to.contain('dedicated-key 16 B');
  });

  it('records a protected APDU that crossed in HDLC segments deciphered, as an event', async () => {
    rig = secureRig();
    const c = rig.client();
    await c.associate(GMAC);
    const list = await c.get({ classId: 15, obis: '0-0:40.0.0.255', attribute: 2 });
    expect(list.kind).to.equal('data');
    const events = c.trace.filter((r) => r.dir === 'event' && r.layers.some((l) => l.layer === 'deciphered-apdu' && l.summary.startsWith('get-response')));
    expect(events.length).to.be.greaterThan(0);
  });

  it('continues invocation counters across clients through the counter store', async () => {
    rig = secureRig();
    const first = rig.client();
    await first.associate(GMAC);
    await first.get(LDN);
    const used = first.security!()!.lastSentCounter!;
    await first.disconnect();
    const second = rig.client();
    expect((await second.associate(GMAC)).kind).to.equal('accepted');
    expect(second.security!()!.lastSentCounter).to.be.greaterThan(used);
    expect(rig.counters.last(`test simulator|${toHex(CLIENT_TITLE)}`)).to.equal(second.security!()!.lastSentCounter);
  });

  it('refuses a response whose invocation counter does not grow, as a replay', async () => {
    rig = secureRig({ faults: ['response-counter-repeated'] });
    const c = rig.client();
    const o = await c.associate(GMAC);
    const got = o.kind === 'accepted' ? await c.get(LDN) : o;
    expect(got).to.deep.include({ kind: 'malformed', code: 'SECURITY_COUNTER_REPLAYED' });
  });
});
