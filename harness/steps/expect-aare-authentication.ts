/**
 * `expect.aare-authentication: {}` — the AARE that accepted an HLS association (the last
 * associate) carries what the Green Book asks of it (9.3.2, AARE fields; 9.2.7.4, HLS pass 2):
 * responder-acse-requirements with the authentication functional unit, the mechanism-name of the
 * AARQ, and the responding-authentication-value (StoC). real-meter.md section 5: an authenticated
 * AARE without responder-acse-requirements and mechanism-name went unnoticed.
 */
import { HLS_MECHANISM } from '../../client/hls';
import { ExpectationFailure, HarnessFault } from '../engine/verdict';
import { defineStep } from './registry';
import { caseRule } from './rule';

defineStep({
  name: 'expect.aare-authentication',
  description:
    'The AARE accepting the HLS association carries responder-acse-requirements (authentication), the mechanism-name of the AARQ and a responding-authentication-value',
  schema: { type: 'object', properties: {} },
  async run(ctx) {
    const last = ctx.last;
    if (last?.op !== 'associate')
      throw new HarnessFault('expect.aare-authentication judges the AARE of an associate step just before it', 'harness', 'STEP_NO_AARE');
    const mechanism = HLS_MECHANISM[last.association.authentication];
    if (mechanism === undefined)
      throw new HarnessFault(
        `association ${last.association.name} does not use HLS (authentication ${last.association.authentication})`,
        'harness',
        'STEP_NOT_HLS',
      );
    const o = last.outcome;
    if (o.kind !== 'accepted') throw new ExpectationFailure(caseRule(ctx), 'an accepted AARE', o.kind);
    const a = o.authentication;
    const missing = [
      ...(a?.functionalUnit ? [] : ['responder-acse-requirements with the authentication functional unit']),
      ...(a?.mechanismName === mechanism ? [] : [`mechanism-name ${mechanism}${a?.mechanismName ? ` (got ${a.mechanismName})` : ''}`]),
      ...(a?.respondingValue ? [] : ['responding-authentication-value']),
    ];
    if (missing.length)
      throw new ExpectationFailure(
        caseRule(ctx),
        `an HLS AARE (Green Book 9.3.2) carrying ${missing.join(', ')}`,
        `an AARE without ${missing.join(', without ')}`,
      );
    ctx.note(`the AARE carries responder-acse-requirements (authentication), mechanism-name ${mechanism} and StoC`);
  },
});
