/**
 * The behaviour cases of the security faults, for faults.test.ts: what the clean meter does with
 * a protected exchange, then what the faulty one does instead. A small synchronous client built
 * on dlms/security drives the sans-IO session with its security layer (server/security.ts).
 */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import type { Data } from '../../../../dlms/axdr/data';
import { APPLICATION_CONTEXT_NAME, MECHANISM_NAME } from '../../../../dlms/acse/names';
import { decodePduBytes, encodePduBytes, type Pdu } from '../../../../dlms/pdu/pdu';
import { userInformationFor, userInformationOf } from '../../../../dlms/acse/user-information';
import { bitStringOf } from '../../../../dlms/ber';
import { concatBytes, fromHex } from '../../../../dlms/bytes';
import { parseObis } from '../../../../dlms/cosem/obis';
import { securityControl, type SecurityPolicy } from '../../../../dlms/security/control';
import { eccPublicKey, ecdsaSign, ecdsaVerify } from '../../../../dlms/security/ecc';
import { computeHlsResponse, verifyHlsResponse, type HlsMechanism } from '../../../../dlms/security/hls';
import { keyFromBytes, keyFromHex, type Key } from '../../../../dlms/security/key';
import { keyTransferData, wrapKey } from '../../../../dlms/security/key-wrap';
import { issueCertificate } from '../../../../dlms/security/pkix';
import { protectApdu, protectGeneralCiphering, signApdu, unprotectApdu, type SecurityContext } from '../../../../dlms/security/protect';
import { conveyKey } from '../../../../dlms/security/convey-key';
import { SECURITY_SUITES, type SecuritySuiteId } from '../../../../dlms/security/suite';
import { decodeApduBytes, encodeApduBytes, type Apdu } from '../../../../dlms/xdlms/apdu';
import { nameText } from '../../../../dlms/xdlms/named';
import { loadMeterDefinition } from '../../../../simulator/meter/load';
import { BUILTIN_SECRETS } from '../../../../simulator/secrets';
import { createSecureSession } from '../../../../simulator/server/security';
import { createSession, type Session } from '../../../../simulator/server/session';
import { T0 } from '../testing';
import { faultsNamed } from '../../../../simulator/faults';
import { activeHooks } from '../../../../simulator/faults/types';

const key = (name: string): Key => keyFromHex(BUILTIN_SECRETS[name]!, name);
const CLIENT_TITLE = fromHex('4443540000000001');
const INVOKE = { invokeId: 1, serviceClass: 'confirmed', priority: 'high' } as const;
const SUITE_SAP: Readonly<Record<SecuritySuiteId, number>> = { 0: 48, 1: 53, 2: 54 };

function get(obis: string, classId: number, attributeId: number): Uint8Array {
  return encodeApduBytes({
    type: 'get-request',
    variant: 'normal',
    invokeIdAndPriority: INVOKE,
    attribute: { classId, instanceId: parseObis(obis), attributeId },
  });
}

function action(classId: number, obis: string, methodId: number, parameters: Data): Uint8Array {
  return encodeApduBytes({
    type: 'action-request',
    variant: 'normal',
    invokeIdAndPriority: INVOKE,
    method: { classId, instanceId: parseObis(obis), methodId },
    methodInvocationParameters: parameters,
  });
}

const GET_LN = get('0-0:40.0.0.255', 15, 1);

/** A protected association with the default meter, driven APDU by APDU. */
class SecureLine {
  readonly session: Session;
  readonly suite;
  counter = 1;
  serverTitle: Uint8Array = new Uint8Array(0);
  ek: Key;
  ak: Key;
  dedicated: Key | undefined;
  lastResponseCounter: number | undefined;
  hlsReply: 'verified' | 'wrong' | 'refused' = 'refused';

  constructor(
    faults: readonly string[],
    readonly suiteId: SecuritySuiteId = 0,
    /** Another association of the suite than its management one (e.g. 56, encrypted only). */
    readonly sap: number = SUITE_SAP[suiteId],
  ) {
    const meter = loadMeterDefinition();
    const hooks = activeHooks(faultsNamed(faults));
    this.session = createSecureSession(meter, hooks, createSession(meter, hooks, T0));
    this.suite = SECURITY_SUITES[suiteId];
    const s2 = suiteId === 2 ? '-s2' : '';
    this.ek = key(`sim-ek${s2}`);
    this.ak = key(`sim-ak${s2}`);
  }

  get signingKey(): Key {
    return key(`sim-client-ecc-s${this.suiteId}`);
  }

  ctx(policy: SecurityPolicy = 'authenticated-encrypted', o: Partial<SecurityContext> = {}): SecurityContext {
    return {
      suite: this.suite,
      securityControl: securityControl(this.suite.id, policy),
      ownSystemTitle: CLIENT_TITLE,
      peerSystemTitle: this.serverTitle,
      invocationCounter: o.invocationCounter ?? this.counter++,
      ek: this.ek,
      ak: this.ak,
      ...(this.dedicated ? { dedicatedKey: this.dedicated, dedicated: true } : {}),
      ...(this.suite.ecc ? { peerSigningKey: eccPublicKey(this.suite, key(`sim-server-ecc-s${this.suiteId}`)) } : {}),
      strictPolicy: false,
      ...o,
    };
  }

  raw(apdu: Uint8Array): Uint8Array {
    const out = this.session.handleApdu(apdu, this.sap, T0);
    if (!out) throw new Error('no answer');
    return out;
  }

  /** The plain answer to `bytes` sent as they are. */
  send(bytes: Uint8Array): Apdu {
    const out = this.raw(bytes);
    if (out[0] === 0xd8) return decodeApduBytes(out);
    const u = unprotectApdu(out, this.ctx('authenticated-encrypted', { invocationCounter: 0 }));
    this.lastResponseCounter = u.invocationCounter;
    return decodeApduBytes(
      u.apdu.type === 'general-signing' ? unprotectApdu(u.plain, this.ctx('authenticated-encrypted', { invocationCounter: 0 })).plain : u.plain,
    );
  }

  request(plain: Uint8Array, policy: SecurityPolicy = 'authenticated-encrypted', o: Partial<SecurityContext> = {}): Apdu {
    return this.send(protectApdu(plain, this.ctx(policy, o)));
  }

  mechanism(forResponse: boolean): HlsMechanism {
    if (this.suiteId === 0) return { kind: 'hls-gmac', suite: this.suite, ek: this.ek, ak: this.ak, invocationCounter: forResponse ? this.counter++ : 0 };
    return {
      kind: 'hls-ecdsa',
      suite: this.suite,
      privateKey: this.signingKey,
      peerPublicKey: eccPublicKey(this.suite, key(`sim-server-ecc-s${this.suiteId}`)),
    };
  }

  /** AARQ, AARE, then passes 3 and 4 (`corrupt`: a wrong f(StoC)); returns the AARE. */
  associate(opts: { readonly dedicatedKey?: boolean; readonly corrupt?: boolean } = {}): Pdu {
    const ctos = new Uint8Array(randomBytes(16));
    const dedicatedKey = opts.dedicatedKey ? new Uint8Array(randomBytes(this.suite.keyLength)) : undefined;
    const initiate = encodeApduBytes({
      type: 'initiate-request',
      ...(dedicatedKey ? { dedicatedKey } : {}),
      proposedDlmsVersionNumber: 6,
      proposedConformance: ['general-protection', 'get', 'set', 'action', 'block-transfer-with-get-or-read'],
      clientMaxReceivePduSize: 0xffff,
    });
    const aare = decodePduBytes(
      this.raw(
        encodePduBytes({
          type: 'aarq',
          applicationContextName: APPLICATION_CONTEXT_NAME['logical-name-with-ciphering'],
          callingApTitle: CLIENT_TITLE,
          senderAcseRequirements: bitStringOf(1, [0]),
          mechanismName: this.suiteId === 0 ? MECHANISM_NAME.gmac : MECHANISM_NAME.ecdsa,
          callingAuthenticationValue: { kind: 'charstring', value: ctos },
          userInformation: userInformationOf(protectApdu(initiate, { ...this.ctx(), dedicated: false })),
        }),
      ),
    );
    if (aare.type !== 'aare' || aare.result !== 'accepted' || aare.respondingAuthenticationValue?.kind !== 'charstring') return aare;
    this.serverTitle = aare.respondingApTitle!;
    if (dedicatedKey) this.dedicated = keyFromBytes(dedicatedKey, 'dedicated');
    const x = { ownSystemTitle: CLIENT_TITLE, peerSystemTitle: this.serverTitle, ownChallenge: ctos, peerChallenge: aare.respondingAuthenticationValue.value };
    const f = computeHlsResponse(this.mechanism(true), x).slice();
    if (opts.corrupt) f[f.length - 1] = f[f.length - 1]! ^ 1;
    const r = this.request(action(15, '0-0:40.0.0.255', 1, { type: 'octet-string', value: f }));
    if (
      r.type === 'action-response' &&
      r.variant === 'normal' &&
      r.singleResponse.returnParameters?.kind === 'data' &&
      r.singleResponse.returnParameters.data.type === 'octet-string'
    ) {
      try {
        verifyHlsResponse(this.mechanism(false), x, r.singleResponse.returnParameters.data.value);
        this.hlsReply = 'verified';
      } catch {
        this.hlsReply = 'wrong';
      }
    }
    return aare;
  }
}

const kindOf = (a: Apdu): string => (a.type === 'exception-response' ? `exception ${a.serviceError.kind}` : a.type);
const resultOf = (a: Apdu): string => (a.type === 'action-response' && a.variant === 'normal' ? nameText(a.singleResponse.result) : kindOf(a));

function associated(faults: readonly string[], suite: SecuritySuiteId = 0, o: { readonly dedicatedKey?: boolean } = {}): SecureLine {
  const l = new SecureLine(faults, suite);
  l.associate(o);
  return l;
}

/** An unconfirmed SET of 0-0:96.50.0.255 under the broadcast key (key-set bit set); the raw answer, or undefined. */
function broadcastSet(l: SecureLine, value: number): Uint8Array | undefined {
  const plain = encodeApduBytes({
    type: 'set-request',
    variant: 'normal',
    invokeIdAndPriority: { invokeId: 1, serviceClass: 'unconfirmed', priority: 'high' },
    attribute: { classId: 1, instanceId: parseObis('0-0:96.50.0.255'), attributeId: 2 },
    value: { type: 'long-unsigned', value },
  });
  const sc = securityControl(l.suite.id, 'authenticated-encrypted', { keySet: 'broadcast' });
  return l.session.handleApdu(protectApdu(plain, { ...l.ctx(), securityControl: sc, broadcastKey: key('sim-bk') }), l.sap, T0);
}

export const SECURITY_FAULT_CASES: Readonly<Record<string, () => void>> = {
  'hls-accepts-wrong-reply': () => {
    const clean = new SecureLine([]);
    clean.associate({ corrupt: true });
    expect(clean.hlsReply).to.equal('refused');
    const faulty = new SecureLine(['hls-accepts-wrong-reply']);
    faulty.associate({ corrupt: true });
    expect(faulty.hlsReply).to.equal('verified');
  },

  'hls-server-reply-wrong': () => {
    expect(associated([]).hlsReply).to.equal('verified');
    expect(associated(['hls-server-reply-wrong']).hlsReply).to.equal('wrong');
  },

  'gmac-accepts-bad-tag': () => {
    const tampered = (l: SecureLine) => {
      const p = protectApdu(GET_LN, l.ctx()).slice();
      p[p.length - 1] = p[p.length - 1]! ^ 1;
      return kindOf(l.send(p));
    };
    expect(tampered(associated([]))).to.equal('exception deciphering-error');
    expect(tampered(associated(['gmac-accepts-bad-tag']))).to.equal('get-response');
  },

  'replayed-invocation-counter-accepted': () => {
    const replay = (l: SecureLine) => {
      l.request(GET_LN);
      return kindOf(l.request(GET_LN, 'authenticated-encrypted', { invocationCounter: l.counter - 1 }));
    };
    expect(replay(associated([]))).to.equal('exception invocation-counter-error');
    expect(replay(associated(['replayed-invocation-counter-accepted']))).to.equal('get-response');
  },

  'policy-not-enforced': () => {
    expect(kindOf(associated([]).request(GET_LN, 'authenticated'))).to.equal('exception deciphering-error');
    expect(kindOf(associated(['policy-not-enforced']).request(GET_LN, 'authenticated'))).to.equal('get-response');
  },

  'wrong-system-title-accepted': () => {
    const other = (l: SecureLine) => kindOf(l.send(protectApdu(GET_LN, { ...l.ctx(), ownSystemTitle: fromHex('5858580000000099'), envelope: 'general' })));
    expect(other(associated([]))).to.equal('exception deciphering-error');
    const faulty = associated(['wrong-system-title-accepted']);
    expect(faulty.raw(protectApdu(GET_LN, { ...faulty.ctx(), ownSystemTitle: fromHex('5858580000000099'), envelope: 'general' }))[0]).to.not.equal(0xd8);
  },

  'bad-signature-accepted': () => {
    const badlySigned = (l: SecureLine) => {
      const signed = signApdu(protectApdu(GET_LN, l.ctx()), l.suite, l.signingKey, {
        transactionId: new Uint8Array(8),
        originatorSystemTitle: CLIENT_TITLE,
        recipientSystemTitle: l.serverTitle,
        dateTime: new Uint8Array(0),
        otherInformation: new Uint8Array(0),
      }).slice();
      signed[signed.length - 1] = signed[signed.length - 1]! ^ 1;
      return l.raw(signed)[0];
    };
    expect(badlySigned(associated([], 1))).to.equal(0xd8);
    expect(badlySigned(associated(['bad-signature-accepted'], 1))).to.not.equal(0xd8);
  },

  'response-counter-repeated': () => {
    const counters = (l: SecureLine) =>
      [l.request(GET_LN), l.lastResponseCounter, l.request(GET_LN), l.lastResponseCounter].filter((x): x is number => typeof x === 'number');
    const [a, b] = counters(associated([]));
    expect(b).to.be.greaterThan(a!);
    const [c, d] = counters(associated(['response-counter-repeated']));
    expect(d).to.equal(c);
  },

  'aare-authentication-fields-missing': () => {
    const clean = new SecureLine([]).associate();
    expect(clean).to.deep.include({ result: 'accepted', mechanismName: '2.16.756.5.8.2.5' });
    expect(clean).to.have.property('responderAcseRequirements');
    // The fault acts where APDUs leave the server (onApduOut): applied here to the clean AARE's bytes.
    const out = faultsNamed(['aare-authentication-fields-missing'])[0]!.hooks.onApduOut!(new Uint8Array(0), encodePduBytes(clean), true)!;
    const faulty = decodePduBytes(out);
    expect(faulty).to.deep.include({ result: 'accepted' });
    expect(faulty).to.not.have.property('responderAcseRequirements');
    expect(faulty).to.not.have.property('mechanismName');
    expect(faulty).to.have.property('respondingAuthenticationValue');
  },

  'counter-restarts-per-association': () => {
    const twoAssociations = (faults: string[]): [number | undefined, number | undefined] => {
      const l = associated(faults);
      l.request(GET_LN);
      const first = l.lastResponseCounter;
      expect(decodePduBytes(l.raw(encodePduBytes({ type: 'rlrq', reason: 'normal' })))).to.deep.include({ type: 'rlre' });
      l.associate();
      l.request(GET_LN);
      return [first, l.lastResponseCounter];
    };
    const [a, b] = twoAssociations([]);
    expect(b).to.be.greaterThan(a!);
    const [c, d] = twoAssociations(['counter-restarts-per-association']);
    expect(d).to.equal(c);
  },

  'unprotected-rlrq-releases': () => {
    const plainRlrq = encodePduBytes({
      type: 'rlrq',
      reason: 'normal',
      userInformation: userInformationFor({
        type: 'initiate-request',
        proposedDlmsVersionNumber: 6,
        proposedConformance: ['get'],
        clientMaxReceivePduSize: 0xffff,
      }),
    });
    expect(decodePduBytes(associated([]).raw(plainRlrq))).to.deep.include({ type: 'rlre', reason: 'not-finished' });
    expect(decodePduBytes(associated(['unprotected-rlrq-releases']).raw(plainRlrq))).to.deep.include({ type: 'rlre', reason: 'normal' });
  },

  'dedicated-key-ignored': () => {
    expect(kindOf(associated([], 0, { dedicatedKey: true }).request(GET_LN))).to.equal('get-response');
    expect(kindOf(associated(['dedicated-key-ignored'], 0, { dedicatedKey: true }).request(GET_LN))).to.equal('exception deciphering-error');
  },

  'security-changes-not-applied': () => {
    const transferThenGet = (l: SecureLine) => {
      const ek = keyFromBytes(new Uint8Array(randomBytes(16)), 'new ek');
      expect(
        resultOf(
          l.request(action(64, '0-0:43.0.0.255', 2, keyTransferData([{ keyId: 'global-unicast-encryption-key', keyWrapped: wrapKey(key('sim-kek'), ek) }]))),
        ),
      ).to.equal('success');
      l.ek = ek;
      return kindOf(l.request(GET_LN));
    };
    expect(transferThenGet(associated([]))).to.equal('get-response');
    expect(transferThenGet(associated(['security-changes-not-applied']))).to.equal('exception deciphering-error');
  },

  'security-method-refusal-hidden': () => {
    const wrongId: Data = {
      type: 'array',
      items: [
        {
          type: 'structure',
          items: [
            { type: 'enum', value: 7 },
            { type: 'octet-string', value: new Uint8Array(24) },
          ],
        },
      ],
    };
    expect(resultOf(associated([]).request(action(64, '0-0:43.0.0.255', 2, wrongId)))).to.equal('other-reason');
    expect(resultOf(associated(['security-method-refusal-hidden']).request(action(64, '0-0:43.0.0.255', 2, wrongId)))).to.equal('success');
  },

  'key-agreement-answer-corrupted': () => {
    const agree = (l: SecureLine) => {
      const ephemeral = keyFromBytes(new Uint8Array(randomBytes(32)), 'ephemeral');
      const q = eccPublicKey(l.suite, ephemeral);
      const r = l.request(
        action(64, '0-0:43.0.1.255', 3, {
          type: 'array',
          items: [
            {
              type: 'structure',
              items: [
                { type: 'enum', value: 0 },
                { type: 'octet-string', value: concatBytes(q, ecdsaSign(l.suite, l.signingKey, q)) },
              ],
            },
          ],
        }),
      );
      const ret =
        r.type === 'action-response' && r.variant === 'normal' && r.singleResponse.returnParameters?.kind === 'data'
          ? r.singleResponse.returnParameters.data
          : undefined;
      const entry = ret?.type === 'array' && ret.items[0]?.type === 'structure' ? ret.items[0].items[1] : undefined;
      if (entry?.type !== 'octet-string') return false;
      return ecdsaVerify(l.suite, eccPublicKey(l.suite, key('sim-server-ecc-s1')), entry.value.subarray(0, 64), entry.value.subarray(64));
    };
    expect(agree(associated([], 1))).to.equal(true);
    expect(agree(associated(['key-agreement-answer-corrupted'], 1))).to.equal(false);
  },

  'certificate-export-altered': () => {
    const roundTrip = (l: SecureLine) => {
      const der = issueCertificate(l.suite, l.signingKey, {
        serialNumber: Uint8Array.of(7),
        issuer: 'CA',
        subject: 'X',
        subjectPublicKey: eccPublicKey(l.suite, l.signingKey),
        notBefore: new Date(0),
        notAfter: new Date(2_000_000_000_000),
      });
      expect(resultOf(l.request(action(64, '0-0:43.0.1.255', 6, { type: 'octet-string', value: der })))).to.equal('success');
      const id: Data = {
        type: 'structure',
        items: [
          { type: 'enum', value: 1 },
          {
            type: 'structure',
            items: [
              { type: 'octet-string', value: Uint8Array.of(7) },
              { type: 'octet-string', value: new TextEncoder().encode('CN=CA') },
            ],
          },
        ],
      };
      const r = l.request(action(64, '0-0:43.0.1.255', 7, id));
      const ret =
        r.type === 'action-response' && r.variant === 'normal' && r.singleResponse.returnParameters?.kind === 'data'
          ? r.singleResponse.returnParameters.data
          : undefined;
      return ret?.type === 'octet-string' && ret.value.length === der.length && ret.value.every((b, i) => b === der[i]);
    };
    expect(roundTrip(associated([], 1))).to.equal(true);
    expect(roundTrip(associated(['certificate-export-altered'], 1))).to.equal(false);
  },

  'general-ciphering-key-ignored': () => {
    // A fresh key conveyed in key-info (wrapped for suite 0, agreed for suite 1), or the global key instead.
    const generalCiphering = (l: SecureLine, conveyedKeyUsed: boolean) => {
      const conveyed = conveyKey({
        suite: l.suite,
        masterKey: key('sim-kek'),
        signingKey: l.suite.ecc ? l.signingKey : undefined,
        serverPublicKey: l.suite.ecc ? eccPublicKey(l.suite, key(`sim-server-ecc-s${l.suiteId}`)) : undefined,
        originatorSystemTitle: CLIENT_TITLE,
        recipientSystemTitle: l.serverTitle,
      });
      const bytes = protectGeneralCiphering(GET_LN, l.ctx(), {
        transactionId: new Uint8Array(8),
        recipientSystemTitle: l.serverTitle,
        keyInfo: conveyed.keyInfo,
        contentKey: conveyedKeyUsed ? conveyed.key : l.ek,
      });
      return kindOf(l.send(bytes));
    };
    for (const suite of [0, 1] as const) {
      expect(generalCiphering(associated([], suite), true)).to.equal('get-response');
      expect(generalCiphering(associated([], suite), false)).to.equal('exception deciphering-error');
      expect(generalCiphering(associated(['general-ciphering-key-ignored'], suite), true)).to.equal('exception deciphering-error');
      expect(generalCiphering(associated(['general-ciphering-key-ignored'], suite), false)).to.equal('get-response');
    }
  },

  'authentication-always-required': () => {
    // SAP 56: the association whose Security setup (0-0:43.0.4.255) asks for encryption only.
    const encryptedOnly = (faults: readonly string[]) => {
      const l = new SecureLine(faults, 0, 56);
      l.associate();
      return kindOf(l.request(GET_LN, 'encrypted'));
    };
    expect(encryptedOnly([])).to.equal('get-response');
    expect(encryptedOnly(['authentication-always-required'])).to.equal('exception deciphering-error');
    expect(kindOf(associated(['authentication-always-required']).request(GET_LN))).to.equal('get-response');
  },

  'broadcast-key-ignored': () => {
    const l = associated([]);
    expect(broadcastSet(l, 31)).to.equal(undefined);
    expect(l.request(get('0-0:96.50.0.255', 1, 2))).to.deep.include({ result: { kind: 'data', data: { type: 'long-unsigned', value: 31 } } });
    const f = associated(['broadcast-key-ignored']);
    expect(kindOf(decodeApduBytes(broadcastSet(f, 32)!))).to.equal('exception deciphering-error');
  },

  'broadcast-request-answered': () => {
    expect(broadcastSet(associated([]), 33)).to.equal(undefined);
    const answered = broadcastSet(associated(['broadcast-request-answered']), 34);
    expect(answered, 'an answer to the broadcast').to.not.equal(undefined);
  },

  'invocation-counter-object-stale': () => {
    const held = (faults: readonly string[]) => {
      const l = associated(faults);
      l.request(GET_LN);
      const last = l.counter - 1;
      l.session.reset();
      // The public association (SAP 16) reads the counter object.
      const pub = (apdu: Uint8Array) => decodePduBytes(l.session.handleApdu(apdu, 16, T0)!);
      pub(
        encodePduBytes({
          type: 'aarq',
          applicationContextName: APPLICATION_CONTEXT_NAME['logical-name'],
          userInformation: userInformationFor({
            type: 'initiate-request',
            proposedDlmsVersionNumber: 6,
            proposedConformance: ['get'],
            clientMaxReceivePduSize: 0xffff,
          }),
        }),
      );
      const r = pub(get('0-0:43.1.0.255', 1, 2));
      const value =
        r.type === 'get-response' && r.variant === 'normal' && r.result.kind === 'data' && r.result.data.type === 'double-long-unsigned'
          ? r.result.data.value
          : undefined;
      return { last, value };
    };
    const clean = held([]);
    expect(clean.value).to.equal(clean.last);
    const faulty = held(['invocation-counter-object-stale']);
    expect(faulty.value).to.equal(faulty.last - 1);
  },
};
