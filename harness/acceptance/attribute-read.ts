/**
 * What one read of an attribute gave, as a snapshot records it (GET over LN, READ over SN): a
 * value (unless it equals a secret of the profile: withheld), a refusal, an error, a malformed
 * answer or a silence. Never fatal: a snapshot is evidence, not a verdict.
 */
import type { GetOutcome } from '../../client/api';
import type { Data } from '../../dlms/axdr/data';
import { dataToJson } from '../../dlms/axdr/format';
import { bytesEqual } from '../../dlms/bytes/hex';
import type { AttributeRead } from './snapshot';

export function readOf(got: GetOutcome, secrets: readonly Uint8Array[] = []): AttributeRead {
  switch (got.kind) {
    case 'data':
      return holdsSecret(got.data, secrets)
        ? { kind: 'withheld', reason: 'the value equals a secret of the profile' }
        : { kind: 'value', data: dataToJson(got.data) };
    case 'data-access-result':
      return { kind: 'refused', result: got.result };
    case 'exception':
      return { kind: 'error', detail: `exception-response ${got.stateError} / ${got.serviceError}` };
    case 'confirmed-service-error':
      return { kind: 'error', detail: `confirmed-service-error ${got.service} ${got.error} ${got.value}` };
    case 'malformed':
      return { kind: 'malformed', detail: `${got.code} at byte ${got.offset}: expected ${got.expected}, got ${got.actual}` };
    case 'silence':
      return { kind: 'silence', waitedMs: got.waitedMs };
    default: {
      const never: never = got;
      throw new Error(`GET outcome ${JSON.stringify(never)}`);
    }
  }
}

function holdsSecret(d: Data, secrets: readonly Uint8Array[]): boolean {
  if (d.type === 'octet-string') return secrets.some((s) => s.length > 0 && bytesEqual(s, d.value));
  if (d.type === 'visible-string' || d.type === 'utf8-string') {
    const bytes = new TextEncoder().encode(d.value);
    return secrets.some((s) => s.length > 0 && bytesEqual(s, bytes));
  }
  if (d.type === 'array' || d.type === 'structure' || d.type === 'compact-array') return d.items.some((x) => holdsSecret(x, secrets));
  return false;
}
