/**
 * What independent meters did (../shared/vectors/real-meter.md), row by row, as tests: every
 * defect of section 1 and every missed defect of section 4 is reproduced by a simulator fault
 * and the case that must catch it fails; every legal answer of section 2 is reproduced by a
 * legal variant and the cases that once failed it pass (or pass with remarks). A row without
 * its fault or variant yet is pending, with what it waits for: it shows, it does not pass.
 */
import { expect } from 'chai';
import * as path from 'node:path';
import { loadProfile } from '../../harness/profile/load';
import { findSuiteFiles, loadSuites, checkUniqueIds } from '../../harness/suite/load';
import { runSuites } from '../../harness/engine/run-suites';
import type { CaseResult } from '../../harness/engine/result';
import { builtinSecret } from '../../harness/builtin-secrets';
import type { Profile } from '../../harness/profile/types';
import { listFaults, VARIANTS } from '../../simulator';
import { LN_ONLY_FAULTS } from './sn-depth';

const ROOT = path.resolve(__dirname, '../..');
const suites = checkUniqueIds(loadSuites(findSuiteFiles(path.join(ROOT, 'suites'))));

type Framing = 'hdlc' | 'wrapper';

/** One row of real-meter.md and how the project reproduces it. */
type Row =
  /**
   * `meter`: legal variants that shape the simulator like the real meter (e.g. a public association
   * granting GET only); the instances of a per-association case that the shape makes inapplicable
   * are allowed, the others must fail.
   */
  | {
      readonly section: 1 | 4;
      readonly what: string;
      readonly bytes?: string;
      readonly fault: string;
      readonly meter?: readonly string[];
      readonly cases: readonly string[];
      readonly framing: Framing;
    }
  | {
      readonly section: 2;
      readonly what: string;
      readonly bytes?: string;
      readonly variant: string;
      readonly cases: readonly string[];
      readonly framing: Framing;
    }
  | { readonly section: 1 | 2 | 4; readonly what: string; readonly bytes?: string; readonly pending: string };

const ROWS: readonly Row[] = [
  // Section 1: real defects, each must be `failed`.
  {
    section: 1,
    what: 'rejects an AARQ whose protocol-version is version1 alone',
    bytes: 'AARQ 80 02 07 80 → A2 03 02 01 01 A3 05 A2 03 02 01 02',
    fault: 'aarq-protocol-version-refused',
    cases: ['ASSOC-PROTOCOL-VERSION'],
    framing: 'wrapper',
  },
  {
    section: 1,
    what: 'rejects an AARQ carrying an 8-octet called-AP-title',
    bytes: 'A2 0A 04 08 4D4D4D0000000002 → rejected',
    fault: 'aarq-titles-refused',
    cases: ['ASSOC-CALLED-TITLES-IGNORED'],
    framing: 'wrapper',
  },
  {
    section: 1,
    what: 'bytes after a complete get-response (Clock time)',
    bytes: 'C4 01 C3 00 09 0C … + 18 bytes 09 0F 09 0C …',
    fault: 'response-trailing-bytes',
    cases: ['CLOCK-ATTRIBUTES'],
    framing: 'wrapper',
  },
  {
    section: 1,
    what: 'Profile generic buffer: a datablock with temporary-failure plus 14 stray bytes',
    bytes: 'C4 02 C8 00 00000001 01 02 + 00 01 02 C4 02 C8 00 00 00 00 01 01 02 00',
    fault: 'profile-buffer-error-with-stray-bytes',
    cases: ['PROFILE-GENERIC-ATTRIBUTES'],
    framing: 'wrapper',
  },
  {
    section: 1,
    what: 'the load profile sends empty never-ending raw-data blocks (the client bounds them: a located failure, not a hang)',
    bytes: 'C4 02 C3 00 00000001 00 02 01 00, then C4 02 C3 … 00000002 00 02 01 00 …',
    fault: 'get-blocks-never-end',
    cases: ['SVC-BLOCK-NUMBERS'],
    framing: 'wrapper',
  },
  {
    section: 1,
    what: "a block larger than the client's max receive PDU size",
    bytes: 'max PDU 128; block 1 C4 02 C1 00 00000001 00 76 … is 146 bytes',
    fault: 'client-max-pdu-ignored',
    cases: ['SVC-CLIENT-PDU-SIZE', 'SVC-CLIENT-PDU-SIZE-LONG-OBJECT'],
    framing: 'wrapper',
  },
  {
    section: 1,
    what: 'blocks although block transfer was not negotiated',
    bytes: 'AARQ conformance 00 00 14, AARE 00 00 10, answer C4 02 C1 00 00000001 00 82 01 DA',
    fault: 'blocks-without-negotiation',
    cases: ['SVC-NO-BLOCKS-WITHOUT-NEGOTIATION'],
    framing: 'wrapper',
  },
  {
    section: 1,
    what: 'a GET-with-list answer whose third result has no choice tag',
    bytes: 'C4 03 C1 0A 00 09 06 0000280002FF 01 00 02 02 0F 11 12 0001 …',
    fault: 'get-with-list-result-untagged',
    cases: ['SVC-GET-WITH-LIST'],
    framing: 'wrapper',
  },
  {
    section: 1,
    what: 'keeps an unfinished HDLC frame past the inter-frame timeout',
    bytes: '7E A0 07 03 21 53 03 C7 (no closing flag), 221 ms, then RR → UA',
    fault: 'hdlc-ignores-inter-frame-timeout',
    cases: ['HDLC-FRAME-INTER-FRAME-TIMEOUT'],
    framing: 'hdlc',
  },
  {
    section: 1,
    what: 'a frame too short, then an RR: both discarded',
    bytes: '7E A0 05 03 21 53 7E, then RR → no answer',
    fault: 'hdlc-swallows-frame-after-short',
    cases: ['HDLC-FRAME-TOO-SHORT'],
    framing: 'hdlc',
  },
  {
    section: 1,
    what: 'serves an I frame whose information field exceeds the negotiated maximum by one',
    bytes: '129-byte field, max 128 → served',
    fault: 'hdlc-accepts-oversized-info',
    cases: ['HDLC-INFO-TOO-LONG'],
    framing: 'hdlc',
  },
  {
    section: 1,
    what: 'serves I frames and RR in NDM; an AARQ without SNRM gets an AARE accepted',
    bytes: 'after DISC/UA, a GET I frame → I frame answer',
    fault: 'hdlc-serves-in-ndm',
    cases: ['HDLC-NDMOP-COMMANDS', 'HDLC-NDMOP-AARQ'],
    framing: 'hdlc',
  },
  {
    section: 1,
    what: 'serves a ded-get-request protected with the global key when no dedicated key was agreed',
    bytes: 'answer: data 0000280000FF',
    fault: 'dedicated-key-ignored',
    cases: ['SEC-DEDICATED-KEY-NOT-AGREED'],
    framing: 'wrapper',
  },
  {
    section: 1,
    what: 'answers an AARQ whose glo-initiate-request tag does not verify with an exception-response',
    bytes: 'D8 01 05',
    fault: 'initiate-failure-as-exception',
    cases: ['SEC-HLS-GMAC-WRONG-KEY'],
    framing: 'wrapper',
  },
  {
    section: 1,
    what: 'RLRE in a ciphered association with wrong lengths',
    bytes: '63 25 80 01 00 BE 23 04 22 28 20 <32 bytes>',
    fault: 'rlre-lengths-wrong',
    cases: ['SEC-RELEASE-PROTECTED'],
    framing: 'wrapper',
  },
  {
    section: 1,
    what: 'releases an authenticated-and-encrypted association on an RLRQ whose user-information is not protected',
    bytes: 'RLRQ with plain BE 10 04 0E 01 00 … → RLRE reason normal',
    fault: 'unprotected-rlrq-releases',
    cases: ['SEC-RELEASE-UNPROTECTED'],
    framing: 'wrapper',
  },
  {
    section: 1,
    what: 'read by entry always fails',
    bytes: 'entries 1..1 → C4 01 C1 01 02',
    fault: 'entry-selector-refused',
    cases: ['SA-ENTRY'],
    framing: 'wrapper',
  },
  {
    section: 1,
    what: 'date-time attributes with day 0',
    bytes: '09 0C 07 6C 01 00 … (1900-01-00)',
    fault: 'clock-day-zero',
    cases: ['CLOCK-ATTRIBUTES'],
    framing: 'wrapper',
  },

  // Section 2: legal answers, each must pass (remarks allowed).
  {
    section: 2,
    what: 'refuses an unprotected RLRQ in an authenticated-and-encrypted association',
    bytes: '62 03 80 01 00 → D8 01 02',
    variant: 'unprotected-rlrq-exception',
    cases: ['SEC-RELEASE-UNPROTECTED'],
    framing: 'wrapper',
  },
  {
    section: 2,
    what: 'refuses a request whose tag does not verify, whose key is wrong, or whose protection is weaker than the policy, with state-error service-unknown',
    bytes: 'D8 02 05',
    variant: 'deciphering-error-service-unknown',
    cases: ['SEC-TAMPERED-TAG', 'SEC-WRONG-KEY', 'SEC-POLICY-UNPROTECTED', 'SEC-POLICY-LESS-PROTECTED'],
    framing: 'wrapper',
  },
  {
    section: 2,
    what: 'refuses a replayed or lower invocation counter with state-error service-unknown',
    bytes: 'D8 02 06 000001FC',
    variant: 'counter-error-service-unknown',
    cases: ['SEC-COUNTER-REPLAY', 'SEC-COUNTER-LOWER'],
    framing: 'wrapper',
  },
  {
    section: 2,
    what: 'GET of an object not in the object list refused with read-write-denied',
    bytes: 'C4 01 C2 01 03',
    variant: 'undefined-read-write-denied',
    cases: ['SVC-GET-UNDEFINED-OBJECT', 'SVC-INVOKE-ID-ECHO'],
    framing: 'wrapper',
  },
  {
    section: 2,
    what: 'GET of an attribute index the class does not define refused with hardware-fault',
    bytes: 'C4 01 C2 01 01',
    variant: 'undefined-hardware-fault',
    cases: ['SVC-GET-UNDEFINED-ATTRIBUTE', 'SVC-GET-UNDEFINED-OBJECT'],
    framing: 'wrapper',
  },
  {
    section: 2,
    what: 'a repeated N(S) answered with FRMR',
    bytes: '7E A0 07 21 03 97 2B E1 7E',
    variant: 'hdlc-frmr-on-sequence-error',
    cases: ['HDLC-LINK-RETRANSMISSION', 'HDLC-INFO-WRONG-NS'],
    framing: 'hdlc',
  },
  {
    section: 2,
    what: 'unknown mechanism-name refused with no-reason-given',
    variant: 'unknown-mechanism-no-reason',
    cases: ['ASSOC-MECHANISM-NAME-UNKNOWN'],
    framing: 'wrapper',
  },
  {
    section: 2,
    what: 'LN-with-ciphering context proposed without security refused with authentication-failure',
    bytes: 'A3 05 A1 03 02 01 0D',
    variant: 'ciphered-context-authentication-failure',
    cases: ['ASSOC-CONTEXT-NOT-SERVED'],
    framing: 'wrapper',
  },
  {
    section: 2,
    what: 'AARQ without the authentication functional unit but with the right LLS password accepted',
    variant: 'lls-without-authentication-fu',
    cases: ['ASSOC-AUTHENTICATION-FU-ABSENT'],
    framing: 'wrapper',
  },
  {
    section: 2,
    what: 'the invocation counter object after a session reads above the last counter sent',
    bytes: '19 after 16',
    variant: 'invocation-counter-object-ahead',
    cases: ['SEC-COUNTER-OBJECT'],
    framing: 'wrapper',
  },
  {
    section: 2,
    what: 'the dedicated key used only after HLS pass 4',
    bytes: 'pass 3 sent ded-ciphered → D8 02 05',
    variant: 'dedicated-key-after-hls',
    cases: ['SEC-CIPHERED-DEDICATED', 'SEC-DEDICATED-KEY-NOT-AGREED', 'SEC-HLS-GMAC'],
    framing: 'wrapper',
  },

  // Section 4: defects no case caught, each must now be `failed`.
  {
    section: 4,
    what: 'a refused AARQ still opens the association (GET, SET, ACTION served after it)',
    bytes: 'AARE … A2 03 02 01 01 A3 05 A1 03 02 01 0D, then C1 01 C2 0008 0000010000FF 03 00 10 0078 → C5 01 C2 00',
    fault: 'refused-aarq-opens-association',
    cases: ['ASSOC-NOTHING-SERVED-AFTER-REFUSAL'],
    framing: 'wrapper',
  },
  {
    section: 4,
    what: 'an association that requires authentication accepts an AARQ with no mechanism-name and no password',
    fault: 'mechanism-name-unchecked',
    cases: ['ASSOC-MECHANISM-NAME-REQUIRED'],
    framing: 'wrapper',
  },
  {
    section: 4,
    what: 'an association that requires authentication accepts an AARQ without the authentication functional unit, not checking the password',
    fault: 'lls-without-authentication-fu-accepted',
    cases: ['ASSOC-AUTHENTICATION-FU-ABSENT'],
    framing: 'wrapper',
  },
  {
    section: 4,
    what: 'block transfer on the association that negotiates it: numbering and last-block',
    fault: 'get-last-block-not-flagged',
    cases: ['SVC-BLOCK-NUMBERS'],
    framing: 'wrapper',
  },
  {
    section: 4,
    what: 'block transfer on the association that negotiates it: numbering skips',
    fault: 'get-block-number-skips',
    cases: ['SVC-BLOCK-NUMBERS'],
    framing: 'wrapper',
  },
  {
    section: 4,
    what: 'selective access (range and entry) on every association that offers it: the public association grants none, the others refuse every read by entry',
    bytes: 'entries 1..1 → C4 01 C1 01 02',
    fault: 'entry-selector-refused',
    meter: ['public-get-only'],
    cases: ['SA-ENTRY', 'SA-ENTRY-COLUMNS'],
    framing: 'wrapper',
  },
  { section: 4, what: 'date-time values valid, not just typed', bytes: 'day 0', fault: 'clock-day-zero', cases: ['CLOCK-ATTRIBUTES'], framing: 'wrapper' },
  { section: 4, what: 'GET-with-list where it is granted', fault: 'get-with-list-reordered', cases: ['SVC-GET-WITH-LIST'], framing: 'wrapper' },
  {
    section: 4,
    what: "the server's invocation counter restarts at the same value for every association under the same key (GCM nonce reuse)",
    fault: 'counter-restarts-per-association',
    cases: ['SEC-RESPONSE-COUNTER-ACROSS-ASSOCIATIONS'],
    framing: 'wrapper',
  },
  {
    section: 4,
    what: 'a granted conformance block wider than the proposal',
    fault: 'conformance-not-intersected',
    cases: ['ASSOC-CONFORMANCE-INTERSECTION'],
    framing: 'wrapper',
  },
  {
    section: 4,
    what: 'an authenticated AARE without responder-acse-requirements and mechanism-name',
    fault: 'aare-authentication-fields-missing',
    cases: ['SEC-HLS-GMAC'],
    framing: 'wrapper',
  },
  {
    section: 4,
    what: 'HDLC frames to a foreign server address answered',
    bytes: 'SNRM to a foreign server address answered with UA',
    fault: 'hdlc-answers-other-address',
    cases: ['HDLC-ADDRESS-UNKNOWN-DESTINATION'],
    framing: 'hdlc',
  },
  {
    section: 4,
    what: 'HDLC error probes sent inside an association: an information field too long',
    fault: 'hdlc-accepts-oversized-info',
    cases: ['HDLC-INFO-TOO-LONG'],
    framing: 'hdlc',
  },
  {
    section: 4,
    what: 'HDLC error probes sent inside an association: a wrong N(R)',
    fault: 'hdlc-ignores-invalid-nr',
    cases: ['HDLC-INFO-WRONG-NR'],
    framing: 'hdlc',
  },
  { section: 4, what: 'HDLC error probes sent inside an association: a wrong N(S)', fault: 'hdlc-wrong-ns', cases: ['HDLC-INFO-WRONG-NS'], framing: 'hdlc' },
];

/** A shipped profile with a shorter response time-out: silence verdicts need not wait 2 s here. */
function profileFor(framing: Framing): Profile {
  const p = loadProfile(path.join(ROOT, framing === 'hdlc' ? 'profiles/simulator.yaml' : 'profiles/simulator-wrapper.yaml'), {
    env: {},
    builtinSecrets: builtinSecret,
  });
  return { ...p, timeouts: { ...p.timeouts, responseMs: Math.min(p.timeouts.responseMs, 500) } };
}

function describeResults(results: readonly CaseResult[]): string {
  return results.map((r) => `${r.id}: ${r.status}${r.reason ? ` (${r.reason})` : ''}`).join('\n');
}

const CASE_IDS = new Set(suites.flatMap((s) => s.cases.map((c) => c.id)));

describe('real-meter.md, row by row, against the simulator', function () {
  this.timeout(60_000);

  it('names only faults, variants and cases that exist', () => {
    const faults = new Set(listFaults().map((f) => f.name));
    const variants = new Set(VARIANTS.map((v) => v.name));
    for (const row of ROWS) {
      if ('pending' in row) continue;
      if ('fault' in row) {
        expect(faults.has(row.fault), row.fault).to.equal(true);
        for (const v of row.meter ?? []) expect(variants.has(v), v).to.equal(true);
      } else expect(variants.has(row.variant), row.variant).to.equal(true);
      for (const id of row.cases) expect(CASE_IDS.has(id), id).to.equal(true);
    }
  });

  for (const row of ROWS) {
    const title = `section ${row.section}: ${row.what}${row.bytes ? ` (${row.bytes})` : ''}`;
    if ('pending' in row) {
      it(`${title} — waits for ${row.pending}`);
    } else if ('fault' in row) {
      it(`${title}: fault ${row.fault}${row.meter ? ` (on a meter shaped by ${row.meter.join(', ')})` : ''} makes ${row.cases.join(', ')} fail${row.meter ? ' wherever they apply' : ''}`, async () => {
        const results: CaseResult[] = [];
        const variants = row.meter ?? [];
        for (const caseId of row.cases)
          results.push(...(await runSuites({ profile: profileFor(row.framing), suites, faults: [row.fault], variants, filter: { caseId } })));
        // An SN instance (a profile with both referencings) cannot see a fault of an LN encoding (sn-depth.ts).
        const reachable = results.filter((r) => r.referencing !== 'sn' || LN_ONLY_FAULTS[row.fault] === undefined);
        const judged = variants.length ? reachable.filter((r) => r.status !== 'inapplicable') : reachable;
        expect(judged.length, describeResults(results)).to.be.greaterThan(0);
        const notFailed = judged.filter((r) => r.status !== 'failed');
        expect(notFailed, describeResults(notFailed)).to.deep.equal([]);
      });
    } else {
      it(`${title}: variant ${row.variant} keeps ${row.cases.join(', ')} passing`, async () => {
        const results: CaseResult[] = [];
        for (const caseId of row.cases)
          results.push(...(await runSuites({ profile: profileFor(row.framing), suites, variants: [row.variant], filter: { caseId } })));
        expect(results.length).to.be.greaterThan(0);
        const notPassed = results.filter((r) => r.status !== 'passed' && (r.status as string) !== 'passed-with-remarks');
        expect(notPassed, describeResults(notPassed)).to.deep.equal([]);
      });
    }
  }
});
