/**
 * Ciphering cost, suite 0 (AES-GCM-128), authenticated and encrypted, glo- service-specific
 * ciphering (Green Book 9.2.7.2): protect + unprotect of a GET request and of a GET response,
 * and the four operations a ciphered exchange adds (each side protects what it sends and
 * unprotects what it receives). Keys and titles are those of test/vectors/security.yaml.
 */
import { fromHex } from '../dlms/bytes/hex';
import { securityControl } from '../dlms/security/control';
import { keyFromHex } from '../dlms/security/key';
import { protectApdu, unprotectApdu, type SecurityContext } from '../dlms/security/protect';
import { SECURITY_SUITES } from '../dlms/security/suite';
import { typicalGetExchange } from './fixtures';
import { encodeApduBytes } from '../dlms/xdlms/apdu';
import { measureSync, result, type BenchGroup } from './runner';

const GROUP = 'ciphered';
/** security.yaml: get-request-normal, Clock 0-0:1.0.0.255 attribute 2. */
const GET_REQUEST = fromHex('C0010000080000010000FF0200');

const client: SecurityContext = {
  suite: SECURITY_SUITES[0],
  securityControl: securityControl(0, 'authenticated-encrypted'),
  ownSystemTitle: fromHex('4D4D4D0000BC614E'),
  peerSystemTitle: fromHex('4D4D4D0000000001'),
  invocationCounter: 0,
  ek: keyFromHex('000102030405060708090A0B0C0D0E0F', 'security.yaml EK'),
  ak: keyFromHex('D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF', 'security.yaml AK'),
};
const server: SecurityContext = { ...client, ownSystemTitle: client.peerSystemTitle!, peerSystemTitle: client.ownSystemTitle };

/** Protects with `from`'s next counter, unprotects as `to`; returns the plaintext length as a sink. */
function roundTrip(plain: Uint8Array, from: SecurityContext, to: SecurityContext, counter: number): number {
  return unprotectApdu(protectApdu(plain, { ...from, invocationCounter: counter }), to).plain.length;
}

export const cipheredBenches: BenchGroup = async (plan) => {
  const response = encodeApduBytes(typicalGetExchange().response);
  let counter = 0;
  const request = measureSync(plan, () => (roundTrip(GET_REQUEST, client, server, ++counter) > 0 ? 1 : 0));
  const answer = measureSync(plan, () => (roundTrip(response, server, client, ++counter) > 0 ? 1 : 0));
  const exchange = measureSync(plan, () => {
    counter++;
    return roundTrip(GET_REQUEST, client, server, counter) + roundTrip(response, server, client, counter) > 0 ? 1 : 0;
  });
  return [
    result({ group: GROUP, name: 'protect+unprotect GET request, suite 0', unit: 'APDU', note: `${GET_REQUEST.length}-byte plain APDU` }, request),
    result({ group: GROUP, name: 'protect+unprotect GET response, suite 0', unit: 'APDU', note: `${response.length}-byte plain APDU (recorded)` }, answer),
    result(
      {
        group: GROUP,
        name: 'ciphering cost per GET exchange, suite 0',
        unit: 'exchange',
        note: '4 operations: request and response, each protected and unprotected',
      },
      exchange,
    ),
  ];
};
