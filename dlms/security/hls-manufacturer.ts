/**
 * HLS mechanism 2 (Green Book 9.2.7.4, mechanism_id(2)): the algorithm is the manufacturer's, so
 * both the client and the simulator take it from this registry by name. The one built in is a
 * test algorithm, not any manufacturer's: f(challenge) = HMAC-SHA-256(secret, challenge), the
 * answered challenge only (mechanism 2 says nothing of system titles). A profile (client) or a
 * meter definition (simulator) names the algorithm; `registerManufacturerHls` plugs in others.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Secret } from '../secret';
import type { ManufacturerHls } from './hls';

/** Makes the mechanism from the association's HLS secret. */
export type ManufacturerHlsFactory = (secret: Secret) => ManufacturerHls;

/** The built-in test algorithm's name, and the default where none is named. */
export const TEST_MANUFACTURER_HLS = 'dlmsct-test-hmac-sha256';

function testAlgorithm(secret: Secret): ManufacturerHls {
  const f = (challenge: Uint8Array) => new Uint8Array(createHmac('sha256', secret.reveal()).update(challenge).digest());
  return {
    respond: (x) => f(x.peerChallenge),
    verify: (x, response) => {
      const expected = f(x.ownChallenge);
      return response.length === expected.length && timingSafeEqual(response, expected);
    },
  };
}

const ALGORITHMS = new Map<string, ManufacturerHlsFactory>([[TEST_MANUFACTURER_HLS, testAlgorithm]]);

/** Plugs in (or replaces) a manufacturer's algorithm under `name`. */
export function registerManufacturerHls(name: string, factory: ManufacturerHlsFactory): void {
  ALGORITHMS.set(name, factory);
}

/** The mechanism named `name` keyed with `secret`; undefined when no algorithm has that name. */
export function manufacturerHls(name: string, secret: Secret): ManufacturerHls | undefined {
  return ALGORITHMS.get(name)?.(secret);
}

export function manufacturerHlsNames(): readonly string[] {
  return [...ALGORITHMS.keys()];
}
