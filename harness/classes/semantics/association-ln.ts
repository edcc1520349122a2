/**
 * Association LN (class 15, Blue Book 4.4.3), read in the association it describes: the partners
 * are the client SAP the harness used, the application context is an LN context, the mechanism
 * is the one the profile authenticates with, the xDLMS context holds a 24-bit conformance block
 * and DLMS version 6, and the status is "associated".
 */
import type { Data } from '../../../dlms/axdr/data';
import { formatData } from '../../../dlms/axdr/format';
import { toHex } from '../../../dlms/bytes';
import type { Authentication } from '../../../client/api';
import { type ClassSemantics, numberOf, type Problem } from './types';
import { HLS_MECHANISM_ID } from '../../../dlms/security/hls';

/** Green Book 9.4.2.2: joint-iso-ctt(2) country(16) country-name(756) identified-organization(5) DLMS-UA(8), BER-encoded. */
const DLMS_UA_ARC = [0x60, 0x85, 0x74, 0x05, 0x08];
const APPLICATION_CONTEXT = 1;
const MECHANISM = 2;
/** Green Book 9.4.2.2: LN contexts are 1 (no ciphering) and 3 (with ciphering). */
const LN_CONTEXTS = [1, 3];
/** Green Book 9.4.2.2.2: mechanism 0 is lowest-level security, 1 low-level, then the HLS ones. */
const MECHANISM_ID: Readonly<Record<Authentication, number>> = { none: 0, low: 1, ...HLS_MECHANISM_ID };
/** Blue Book 4.4.3 association_status: 2 = associated. */
const ASSOCIATED = 2;
/** Green Book 9.4.6.1: the current DLMS version. */
const DLMS_VERSION = 6;

/** The last arc of a DLMS UA name (octet-string BER form or the version 0 structure form), with its kind. */
function dlmsName(d: Data | undefined): { kind: number; id: number } | undefined {
  if (d?.type === 'octet-string' && d.value.length === 7 && DLMS_UA_ARC.every((b, i) => d.value[i] === b)) return { kind: d.value[5]!, id: d.value[6]! };
  if (d?.type === 'structure' && d.items.length === 7) {
    const arcs = d.items.map(numberOf);
    if (arcs[0] === 2 && arcs[1] === 16 && arcs[2] === 756 && arcs[3] === 5 && arcs[4] === 8) return { kind: arcs[5]!, id: arcs[6]! };
  }
  return undefined;
}

function show(d: Data): string {
  return d.type === 'octet-string' ? toHex(d.value) : formatData(d);
}

export const ASSOCIATION_LN_SEMANTICS: ClassSemantics = {
  classId: 15,
  clause: '4.4.3',
  check({ values, association }) {
    const problems: Problem[] = [];
    const partners = values.get(3);
    if (partners?.type === 'structure') {
      const client = numberOf(partners.items[0]);
      if (client !== undefined && client !== association.clientSap) {
        problems.push({
          attribute: 3,
          expected: `associated_partners_id.client_SAP ${association.clientSap} (the client SAP of association ${association.name})`,
          actual: String(client),
        });
      }
    }
    const context = values.get(4);
    const ctx = dlmsName(context);
    if (context && (!ctx || ctx.kind !== APPLICATION_CONTEXT || !LN_CONTEXTS.includes(ctx.id))) {
      problems.push({ attribute: 4, expected: 'application_context_name a logical-name context (2.16.756.5.8.1.1 or .3)', actual: show(context) });
    }
    const mechanism = values.get(6);
    const mech = dlmsName(mechanism);
    const wanted = MECHANISM_ID[association.authentication];
    if (mechanism && (!mech || mech.kind !== MECHANISM || mech.id !== wanted)) {
      problems.push({
        attribute: 6,
        expected: `authentication_mechanism_name 2.16.756.5.8.2.${wanted} (${association.authentication}, as associated)`,
        actual: show(mechanism),
      });
    }
    const x = values.get(5);
    if (x?.type === 'structure' && x.items.length === 6) {
      const [conformance, , , version] = x.items;
      if (conformance?.type === 'bit-string' && conformance.length !== 24)
        problems.push({ attribute: 5, expected: 'xDLMS_context_info.conformance a bit-string of 24 bits', actual: `${conformance.length} bits` });
      const v = numberOf(version);
      if (v !== undefined && v !== DLMS_VERSION)
        problems.push({ attribute: 5, expected: `xDLMS_context_info.dlms_version_number ${DLMS_VERSION}`, actual: String(v) });
    }
    const status = numberOf(values.get(8));
    if (status !== undefined && status !== ASSOCIATED)
      problems.push({ attribute: 8, expected: `association_status ${ASSOCIATED} (associated), read within the association`, actual: String(status) });
    return problems;
  },
};
