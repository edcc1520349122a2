import { expect } from 'chai';
import * as path from 'node:path';
import { ConfigError } from '../../config/error';
import { findSuiteFiles, loadSuites, parseSuite } from '../suite/load';
import { testProfile } from '../../test/support/harness/profiles';
import { matchOutcome } from './outcome';
import type { LastOutcome } from './context';
import { ACSE_DIAGNOSTIC_NAMES, DECODE_ERROR_CODE_NAMES, EXCEPTION_SERVICE_ERROR_NAMES, INITIATE_ERROR_NAMES, STATE_ERROR_NAMES } from './spec-names';

const ROOT = path.resolve(__dirname, '../..');

function suiteWith(step: string): string {
  return `suite: t/names\ntitle: T\nspec: S\ncases:\n  - id: T-NAMES\n    title: t\n    spec: Clause 1\n    requirement: The DUT does it.\n    detects: []\n    steps:\n      - get: { obis: 0-0:42.0.0.255, class: 1, attribute: 2 }\n      - ${step}\n`;
}

function configError(text: string): ConfigError {
  try {
    parseSuite(text, 'names.yaml');
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('no configuration error');
}

describe('spec names a suite may write', () => {
  it('are the closed lists of the tables in dlms/', () => {
    expect(STATE_ERROR_NAMES).to.deep.equal(['service-not-allowed', 'service-unknown']);
    expect(EXCEPTION_SERVICE_ERROR_NAMES).to.include('deciphering-error').and.include('invocation-counter-error');
    expect(ACSE_DIAGNOSTIC_NAMES).to.include('authentication-failure').and.include('no-common-acse-version');
    expect(DECODE_ERROR_CODE_NAMES).to.include('TRUNCATED').and.include('HDLC_FRMR_RECEIVED').and.include('WRAPPER_NOT_A_PDU');
    expect(INITIATE_ERROR_NAMES).to.include('dlms-version-too-low').and.include('initiateError: application-reference deciphering-error').and.include('none');
  });

  it('make a mistyped exception, diagnostic or result a located configuration error', () => {
    const typos = [
      'expect: { exception: { stateError: service-not-alowed } }',
      'expect: { exception: { serviceError: decipher-error } }',
      'expect: { confirmedServiceError: { error: initiate, value: dlms-version-to-low } }',
      'expect: { dataAccessResult: object-undefine }',
      'expect: { rejected: { diagnostic: authentification-failure } }',
      'expect: { oneOf: [ { silence: true }, { exception: { stateError: sevice-unknown } } ] }',
      'expect: { malformed: { code: TRUNCATD } }',
    ];
    for (const t of typos) {
      const e = configError(suiteWith(t));
      expect(e.message, t).to.match(/^names\.yaml:12:\d+/);
      expect(e.code, t).to.equal('CONFIG_NOT_ALLOWED');
    }
  });

  it('judge a malformed answer by its code, and never take a closed connection for one unless named', () => {
    const got = (code: string): LastOutcome => ({
      op: 'get',
      ref: { classId: 1, obis: '0-0:42.0.0.255', attribute: 2 },
      outcome: { kind: 'malformed', code, offset: 7, expected: 'x', actual: 'y' },
    });
    const p = testProfile();
    expect(matchOutcome({ malformed: { code: 'TRUNCATED' } }, got('TRUNCATED'), p)).to.equal(undefined);
    expect(matchOutcome({ malformed: {} }, got('TRUNCATED'), p)).to.equal(undefined);
    expect(matchOutcome({ malformed: { code: 'TRUNCATED' } }, got('TRAILING_BYTES'), p)?.expected).to.equal('a malformed answer (TRUNCATED)');
    expect(matchOutcome({ malformed: {} }, got('LINK_CLOSED'), p)).to.not.equal(undefined);
  });

  it('accept every name the shipped suites write', () => {
    expect(loadSuites(findSuiteFiles(path.join(ROOT, 'suites'))).length).to.be.greaterThan(10);
  });
});
