/**
 * What an association of the profile needs besides its name and password to be opened with
 * security (Green Book 9.2): the client's security parameters from the profile, and the first
 * invocation counter. When the profile says `invocationCounter: { read, via }`, the DUT's counter
 * object is read first through the `via` association (usually the public one), and the client
 * continues above it (Green Book 9.2.3.7); the client's counter store also remembers what it used.
 */
import type { AssociationParams, DlmsClient } from '../../client/api';
import type { HlsParams, SecurityParams } from '../../client/security-context';
import { manufacturerHls, TEST_MANUFACTURER_HLS } from '../../dlms/security/hls-manufacturer';
import type { Secret } from '../../dlms/secret';
import { fromHex } from '../../dlms/bytes/hex';
import type { SecurityPolicy } from '../../dlms/security/control';
import { HarnessFault } from '../engine/verdict';
import type { AssociationProfile, Profile } from '../profile/types';
import { describeOutcome } from './outcome';

/** Blue Book 6.2.x: the invocation counter object is a Data object, its value attribute 2. */
const COUNTER = { classId: 1, attribute: 2 } as const;
const POLICIES: readonly SecurityPolicy[] = ['none', 'authenticated', 'encrypted', 'authenticated-encrypted'];

/** HLS mechanism 2: the profile's algorithm from the registry, keyed with `secret` (the profile checked the name). */
export function manufacturerOf(a: AssociationProfile, secret: Secret | undefined): Pick<HlsParams, 'manufacturer'> {
  if (a.authentication !== 'hls-manufacturer' || !secret) return {};
  const impl = manufacturerHls(a.hlsAlgorithm ?? TEST_MANUFACTURER_HLS, secret);
  return impl ? { manufacturer: impl } : {};
}

/** The plain parameters of an association, as every step opens it. */
export function baseParams(a: AssociationProfile): AssociationParams {
  const hls = manufacturerOf(a, a.password);
  return {
    name: a.name,
    clientSap: a.clientSap,
    referencing: a.referencing,
    authentication: a.authentication,
    ...(a.password ? { password: a.password } : {}),
    ...(hls.manufacturer ? { hls } : {}),
  };
}

function hexOf(text: string | undefined, what: string, a: AssociationProfile): Uint8Array | undefined {
  if (text === undefined) return undefined;
  try {
    return fromHex(text);
  } catch {
    throw new HarnessFault(`association ${a.name}: ${what} is not hex`, 'profile', 'PROFILE_BAD_HEX');
  }
}

/** The security parameters the profile gives an association, without the counter. */
export function securityOf(a: AssociationProfile): SecurityParams | undefined {
  const s = a.security;
  if (!s) return undefined;
  const policy = s.policy as SecurityPolicy;
  if (!POLICIES.includes(policy)) throw new HarnessFault(`association ${a.name}: unknown security policy ${s.policy}`, 'profile', 'PROFILE_BAD_POLICY');
  const clientSystemTitle = hexOf(s.systemTitle, 'security.systemTitle', a);
  if (!clientSystemTitle || clientSystemTitle.length !== 8) {
    throw new HarnessFault(
      `association ${a.name}: security needs the client system title (security.systemTitle, 8 bytes in hex)`,
      'profile',
      'PROFILE_NO_SYSTEM_TITLE',
    );
  }
  const serverSystemTitle = hexOf(s.serverSystemTitle, 'security.serverSystemTitle', a);
  const serverSigningPublicKey = hexOf(s.serverSigningKey, 'security.serverSigningKey', a);
  return {
    suite: s.suite,
    policy,
    ciphered: s.context === undefined ? policy !== 'none' : s.context === 'ciphered',
    clientSystemTitle,
    ...(serverSystemTitle ? { serverSystemTitle } : {}),
    ...(s.blockCipherKey ? { blockCipherKey: s.blockCipherKey } : {}),
    ...(s.authenticationKey ? { authenticationKey: s.authenticationKey } : {}),
    ...(s.masterKey ? { masterKey: s.masterKey } : {}),
    ...(s.broadcastKey ? { broadcastKey: s.broadcastKey } : {}),
    ...(s.dedicatedKey ? { dedicatedKey: true as const } : {}),
    ...(s.envelope ? { envelope: s.envelope } : {}),
    ...(s.signingKey ? { signingKey: s.signingKey } : {}),
    ...(serverSigningPublicKey ? { serverSigningPublicKey } : {}),
  };
}

/**
 * Reads the DUT's invocation counter object through `via` on `client` (the client associates
 * there, reads, releases): the first counter to use is one above it.
 */
export async function readInvocationCounter(
  client: DlmsClient,
  profile: Profile,
  a: AssociationProfile,
  note?: (text: string) => void,
): Promise<number | undefined> {
  const ic = a.security?.invocationCounter;
  if (!ic) return undefined;
  const via = profile.associations.find((x) => x.name === ic.via);
  if (!via)
    throw new HarnessFault(`association ${a.name}: invocationCounter.via names no association of the profile (${ic.via})`, 'profile', 'PROFILE_BAD_VIA');
  // A counter that cannot be read is noted, not fatal: the client continues from the counters it
  // kept, and the AARE then says whether that was enough.
  const opened = await client.associate(baseParams(via));
  if (opened.kind !== 'accepted') {
    note?.(
      `invocation counter not read: association ${via.name} was not accepted (${describeOutcome({ op: 'associate', association: via, outcome: opened })}); using the counters kept`,
    );
    return undefined;
  }
  const ref = { ...COUNTER, obis: ic.read };
  const got = await client.get(ref);
  await client.release();
  const value =
    got.kind === 'data' && 'value' in got.data && (typeof got.data.value === 'number' || typeof got.data.value === 'bigint')
      ? Number(got.data.value)
      : undefined;
  if (value === undefined) {
    note?.(`invocation counter ${ic.read} not read (${describeOutcome({ op: 'get', ref, outcome: got })}); using the counters kept`);
    return undefined;
  }
  note?.(`invocation counter ${ic.read} read via ${via.name}: ${value}; continuing from ${value + 1}`);
  return value + 1;
}

/**
 * What to add to an association's parameters for its security: keys, titles, first counter, and
 * mechanism 2's algorithm keyed with `secret` (the password in use; default the profile's).
 */
export async function securedParams(
  client: DlmsClient,
  profile: Profile,
  a: AssociationProfile,
  note?: (text: string) => void,
  secret: Secret | undefined = a.password,
): Promise<Pick<AssociationParams, 'security' | 'hls'>> {
  const hls = manufacturerOf(a, secret);
  const withHls = hls.manufacturer ? { hls } : {};
  const security = securityOf(a);
  if (!security) return withHls;
  const first = await readInvocationCounter(client, profile, a, note);
  return { ...withHls, security: first === undefined ? security : { ...security, invocationCounter: first } };
}
