/**
 * fast-check arbitraries for the ACSE APDUs (tests only; fast-check is a dev dependency). Every
 * value encodes and decodes back deep-equal: user-information is built from an encoded xDLMS
 * APDU, unknown fields use tag numbers the tables leave free, authentication `other` values
 * avoid the charstring and bitstring tags.
 */
import fc from 'fast-check';
import type { BerBitString, BerElement } from '../../../../dlms/ber';
import { arbApdu, arbNamed } from '../xdlms/arbitrary';
import type { Aare, ResultSourceDiagnostic } from '../../../../dlms/acse/aare';
import type { Aarq } from '../../../../dlms/acse/aarq';
import type { AuthenticationValue } from '../../../../dlms/acse/fields';
import {
  ACSE_SERVICE_PROVIDER,
  ACSE_SERVICE_USER,
  APPLICATION_CONTEXT_NAME,
  ASSOCIATION_RESULT,
  MECHANISM_NAME,
  RELEASE_REQUEST_REASON,
  RELEASE_RESPONSE_REASON,
} from '../../../../dlms/acse/names';
import type { AcseApdu } from '../../../../dlms/pdu/pdu';
import type { Rlre, Rlrq } from '../../../../dlms/acse/release';
import { userInformationFor, type UserInformation } from '../../../../dlms/acse/user-information';

const bytes = (maxLength = 16): fc.Arbitrary<Uint8Array> => fc.uint8Array({ maxLength });
const integer = fc.integer({ min: -(2 ** 47) + 1, max: 2 ** 47 - 1 });

export const arbBitString = (): fc.Arbitrary<BerBitString> =>
  bytes(4).chain((b) => fc.integer({ min: b.length === 0 ? 0 : b.length * 8 - 7, max: b.length * 8 }).map((length) => ({ length, bytes: b })));

const arbOid = (table: Readonly<Record<string, string>>): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...Object.values(table)), weight: 4 },
    { arbitrary: fc.array(fc.integer({ min: 0, max: 2 ** 32 }), { minLength: 1, maxLength: 6 }).map((arcs) => `1.3.${arcs.join('.')}`), weight: 1 },
  );

export const arbAuthenticationValue = (): fc.Arbitrary<AuthenticationValue> =>
  fc.oneof(
    bytes(32).map((value): AuthenticationValue => ({ kind: 'charstring', value })),
    arbBitString().map((value): AuthenticationValue => ({ kind: 'bitstring', value })),
    fc
      .record({ number: fc.integer({ min: 2, max: 40 }), constructed: fc.boolean(), value: bytes(8) })
      .map(({ number, constructed, value }): AuthenticationValue => ({ kind: 'other', element: { tag: { cls: 'context', constructed, number }, value } })),
  );

export const arbUserInformation = (): fc.Arbitrary<UserInformation> => arbApdu().map(userInformationFor);

/** Context-tagged elements with distinct tag numbers outside `known`. */
function arbUnknownFields(known: readonly number[]): fc.Arbitrary<BerElement[]> {
  const free = fc.integer({ min: 0, max: 60 }).filter((n) => !known.includes(n));
  return fc
    .uniqueArray(fc.record({ number: free, constructed: fc.boolean(), value: bytes(6) }), { maxLength: 2, selector: (f) => f.number })
    .map((fields) =>
      fields
        .sort((a, b) => a.number - b.number)
        .map((f): BerElement => ({ tag: { cls: 'context', constructed: f.constructed, number: f.number }, value: f.value })),
    );
}

const unknownKey = (known: readonly number[]) => arbUnknownFields(known).filter((f) => f.length > 0);

export function arbAarq(): fc.Arbitrary<Aarq> {
  return fc.record(
    {
      type: fc.constant('aarq' as const),
      protocolVersion: arbBitString(),
      applicationContextName: arbOid(APPLICATION_CONTEXT_NAME),
      calledApTitle: bytes(8),
      calledAeQualifier: bytes(8),
      calledApInvocationId: integer,
      calledAeInvocationId: integer,
      callingApTitle: bytes(8),
      callingAeQualifier: bytes(40),
      callingApInvocationId: integer,
      callingAeInvocationId: integer,
      senderAcseRequirements: arbBitString(),
      mechanismName: arbOid(MECHANISM_NAME),
      callingAuthenticationValue: arbAuthenticationValue(),
      implementationInformation: bytes(8),
      userInformation: arbUserInformation(),
      unknownFields: unknownKey([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 29, 30]),
    },
    { requiredKeys: ['type', 'applicationContextName'] },
  );
}

const arbDiagnostic: fc.Arbitrary<ResultSourceDiagnostic> = fc.oneof(
  arbNamed(ACSE_SERVICE_USER, 0x7f).map((diagnostic): ResultSourceDiagnostic => ({ source: 'acse-service-user', diagnostic })),
  arbNamed(ACSE_SERVICE_PROVIDER, 0x7f).map((diagnostic): ResultSourceDiagnostic => ({ source: 'acse-service-provider', diagnostic })),
);

export function arbAare(): fc.Arbitrary<Aare> {
  return fc.record(
    {
      type: fc.constant('aare' as const),
      protocolVersion: arbBitString(),
      applicationContextName: arbOid(APPLICATION_CONTEXT_NAME),
      result: arbNamed(ASSOCIATION_RESULT, 0x7f),
      resultSourceDiagnostic: arbDiagnostic,
      respondingApTitle: bytes(8),
      respondingAeQualifier: bytes(40),
      respondingApInvocationId: integer,
      respondingAeInvocationId: integer,
      responderAcseRequirements: arbBitString(),
      mechanismName: arbOid(MECHANISM_NAME),
      respondingAuthenticationValue: arbAuthenticationValue(),
      implementationInformation: bytes(8),
      userInformation: arbUserInformation(),
      unknownFields: unknownKey([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 29, 30]),
    },
    { requiredKeys: ['type', 'applicationContextName', 'result', 'resultSourceDiagnostic'] },
  );
}

export function arbRlrq(): fc.Arbitrary<Rlrq> {
  return fc.record(
    {
      type: fc.constant('rlrq' as const),
      reason: arbNamed(RELEASE_REQUEST_REASON, 0x7f),
      userInformation: arbUserInformation(),
      unknownFields: unknownKey([0, 30]),
    },
    { requiredKeys: ['type'] },
  );
}

export function arbRlre(): fc.Arbitrary<Rlre> {
  return fc.record(
    {
      type: fc.constant('rlre' as const),
      reason: arbNamed(RELEASE_RESPONSE_REASON, 0x7f),
      userInformation: arbUserInformation(),
      unknownFields: unknownKey([0, 30]),
    },
    { requiredKeys: ['type'] },
  );
}

export function arbAcse(): fc.Arbitrary<AcseApdu> {
  return fc.oneof(arbAarq(), arbAare(), arbRlrq(), arbRlre());
}
