/**
 * A client and the in-memory reference simulator, with the security parameters of the default
 * meter's associations (simulator/meters/default.yaml, keys from simulator/secrets.ts): what the
 * security tests of client/, simulator/ and harness/ share.
 */
import type { DlmsClient } from '../../client';
import { simulatorClient } from './sim-client';
import type { AssociationParams } from '../../client/api';
import { memoryCounterStore, type CounterStore } from '../../client/counters';
import type { SecurityParams } from '../../client/security-context';
import { fromHex } from '../../dlms/bytes/hex';
import { keyFromHex } from '../../dlms/security/key';
import { Secret } from '../../dlms/secret';
import { BUILTIN_SECRETS, createSimulator, type Simulator } from '../../simulator';

export const CLIENT_TITLE = fromHex('4443540000000001');
export const SERVER_TITLE = fromHex('444C4D0000000001');

export function builtinKey(name: string): Secret {
  return keyFromHex(BUILTIN_SECRETS[name]!, `builtin:${name}`);
}

export function builtinText(name: string): Secret {
  return Secret.fromText(BUILTIN_SECRETS[name]!, `builtin:${name}`);
}

/** Suite 0 (management-gmac, SAP 48), 1 (SAP 53) or 2 (SAP 54) of the default meter. */
export function suiteParams(suite: 0 | 1 | 2, overrides: Partial<SecurityParams> = {}): SecurityParams {
  const s2 = suite === 2 ? '-s2' : '';
  return {
    suite,
    policy: 'authenticated-encrypted',
    clientSystemTitle: CLIENT_TITLE,
    blockCipherKey: builtinKey(`sim-ek${s2}`),
    authenticationKey: builtinKey(`sim-ak${s2}`),
    masterKey: builtinKey(`sim-kek${s2}`),
    ...(suite === 0
      ? {}
      : {
          signingKey: builtinKey(`sim-client-ecc-s${suite}`),
          serverSigningPublicKey: fromHex(
            suite === 1
              ? '4862C7C2BCF80B48821C135C3155486351D4CBE5B8CC2EE3B6D373EF73A43E8827704AD23D503DD3CCA72DACDD9F12B3AABFE6356AEDD6A583F87FAC2BE368C4'
              : 'FB563E40ADBEAEF927D69212CD000F369DDAEBFF72F6CCDDA445281A9D3D654223F7B85FCB72E20926B64C355D6315F384D8E9DC8C02C2FEC773653C12F09B3AA4EEF840851CB5E31CB3DD7E70F591F451A9E01CED7134D7A8364E703A363478',
          ),
        }),
    ...overrides,
  };
}

export const GMAC: AssociationParams = { name: 'management-gmac', clientSap: 48, referencing: 'ln', authentication: 'hls-gmac', security: suiteParams(0) };

export interface Rig {
  readonly sim: Simulator;
  readonly counters: CounterStore;
  client(framing?: 'hdlc' | 'wrapper'): DlmsClient;
  stop(): Promise<void>;
}

export function secureRig(opts: { readonly faults?: readonly string[]; readonly framing?: 'hdlc' | 'wrapper' } = {}): Rig {
  const framing = opts.framing ?? 'hdlc';
  const sim = createSimulator({ framing, faults: opts.faults ?? [] });
  const counters = memoryCounterStore();
  const clients: DlmsClient[] = [];
  return {
    sim,
    counters,
    client() {
      const c = simulatorClient(sim, framing, { label: 'simulator', responseTimeoutMs: 500, counters, deviceKey: 'test simulator' });
      clients.push(c);
      return c;
    },
    async stop() {
      for (const c of clients) await c.disconnect();
      await sim.stop();
    },
  };
}
