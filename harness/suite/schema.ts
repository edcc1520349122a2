/**
 * What a suite may say, as data. Steps are checked one by one against the registry (so an
 * unknown step is reported at its own key); for editors the steps become an anyOf of every
 * registered step, written to schemas/suite.schema.json.
 */
import { AUTHENTICATIONS } from '../profile/schema';
import '../steps';
import { argsSchema, listSteps } from '../steps/registry';
import type { Schema } from '../yaml/schema';
import { CONFORMANCE_BITS } from '../../dlms/xdlms/conformance';
import { SECRET_NAMES } from '../engine/capabilities';

export const REQUIRES_SCHEMA: Schema = {
  type: 'object',
  description: 'what the profile must offer; otherwise the case is inapplicable, with the reason',
  properties: {
    framing: { type: 'string', enum: ['hdlc', 'wrapper'], description: 'the transport framing' },
    transport: { type: 'array', items: { type: 'string', enum: ['builtin', 'tcp', 'serial'] }, description: 'transport kinds' },
    features: { type: 'array', items: { type: 'string', pattern: '^[a-z0-9-]+$' }, description: 'profile features that must be true' },
    authentication: { type: 'string', enum: [...AUTHENTICATIONS], description: 'an association with this mechanism must exist' },
    expect: { type: 'array', items: { type: 'string', enum: ['logicalDeviceName', 'dlmsVersion'] }, description: 'profile expectations that must be stated' },
    referencing: { type: 'string', enum: ['ln', 'sn'], description: 'the referencing the case uses (forEach: association runs only for those; default ln)' },
  },
};

const OBIS_PATTERN = '^\\d+-\\d+:\\d+\\.\\d+\\.\\d+\\.\\d+$';

/** `order:` when a case runs, whatever the file names (plan.ts). */
const ORDER_SCHEMA = {
  type: 'string',
  enum: ['last'],
  description:
    'last: run after every case without it, whatever the file names (a state-changing case that destroys what other cases read); on a suite, for all its cases',
} as const;

/** `needs:` (issue 8, item 1); the names are closed lists, so a typo is a located configuration error. */
export const NEEDS_SCHEMA: Schema = {
  type: 'object',
  description: 'what the case uses: the engine runs it on an association granting all of it ($granted), or it is inapplicable',
  properties: {
    services: {
      type: 'array',
      items: { type: 'string', enum: CONFORMANCE_BITS.filter((b) => !b.startsWith('reserved')) },
      description: 'conformance-block services the AARE must grant',
    },
    access: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          obis: { type: 'string', pattern: OBIS_PATTERN },
          class: { type: 'integer', minimum: 0 },
          attribute: { type: 'integer', minimum: 1 },
          right: { type: 'string', enum: ['read', 'write', 'read-only'], description: 'read-only: read granted and write not (a case about a refused SET)' },
        },
        required: ['obis', 'class', 'attribute', 'right'],
      },
      description: 'access rights the object list must grant',
    },
    selectors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          obis: { type: 'string', pattern: OBIS_PATTERN },
          class: { type: 'integer', minimum: 0 },
          attribute: { type: 'integer', minimum: 1 },
          selector: { type: 'integer', minimum: 1 },
        },
        required: ['obis', 'class', 'attribute', 'selector'],
      },
      description: 'access selectors the object list must offer',
    },
    secrets: { type: 'array', items: { type: 'string', enum: SECRET_NAMES }, description: 'profile secrets the case needs' },
    suite: { type: 'integer', enum: [0, 1, 2], description: 'the security suite the association must use (Green Book 9.2.3.7)' },
    targets: {
      type: 'array',
      items: { type: 'string', enum: ['writable', 'read-only'] },
      description: 'what with.target will look for: the object list must grant such an attribute',
    },
  },
};

/**
 * One `detects` entry: `{ fault, step }`, the simulator fault and the step (1-based, as in the
 * trace's "step N" markers) at which the case must fail under it. A bare fault name still loads
 * (a suite of one's own, which no simulator fault proves, need not say more); the project's own
 * suites must name the step (test/conformance/fault-detection.test.ts refuses a bare name).
 */
export const DETECTION_SCHEMA: Schema = {
  anyOf: [
    {
      type: 'object',
      properties: {
        fault: { type: 'string', pattern: '^[a-z0-9-]+$', description: 'a simulator fault (dlmsct simulate --list-faults)' },
        step: { type: 'integer', minimum: 1, description: 'the step (1-based) at which the case must fail under the fault' },
      },
      required: ['fault', 'step'],
      additionalProperties: false,
    },
    { type: 'string', pattern: '^[a-z0-9-]+$', description: 'a simulator fault, the step not named' },
  ],
};

/** Any single-key mapping; the loader checks the key and the value against the registry. */
const STEP_SHAPE: Schema = { type: 'object', additionalProperties: {}, minProperties: 1, maxProperties: 1, description: 'a step' };

function editorStepSchema(): Schema {
  return {
    anyOf: listSteps().map((s) => ({
      type: 'object',
      description: s.description,
      properties: { [s.name]: argsSchema(s) },
      required: [s.name],
    })),
  };
}

export function suiteSchema(forEditor = false): Schema {
  return {
    type: 'object',
    description: 'A dlmsct suite: cases by spec clause (DESIGN.md, Suites)',
    properties: {
      suite: { type: 'string', pattern: '^[a-z0-9-]+(/[a-z0-9-]+)*$', description: 'suite name, folder/topic (e.g. association/open)' },
      title: { type: 'string', description: 'one line' },
      spec: { type: 'string', description: 'the clause(s) the suite covers' },
      requires: REQUIRES_SCHEMA,
      needs: NEEDS_SCHEMA,
      order: ORDER_SCHEMA,
      cases: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          properties: {
            id: { type: 'string', pattern: '^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$', description: 'stable case id, upper case with dashes' },
            title: { type: 'string', description: 'what the case checks, one line' },
            spec: { type: 'string', description: 'the clause the requirement comes from' },
            requirement: { type: 'string', description: 'the requirement, as a sentence' },
            sn: {
              type: 'object',
              additionalProperties: false,
              required: ['spec', 'requirement'],
              properties: { spec: { type: 'string' }, requirement: { type: 'string' } },
              description: 'the clause and requirement an instance over short names cites instead (READ/WRITE where spec names GET/SET/ACTION)',
            },
            detects: { type: 'array', items: DETECTION_SCHEMA, description: 'simulator faults this case must catch, each with the step at which it must fail' },
            tags: { type: 'array', items: { type: 'string' }, description: 'free tags, e.g. the DLMS UA test purpose id' },
            requires: REQUIRES_SCHEMA,
            needs: NEEDS_SCHEMA,
            order: ORDER_SCHEMA,
            forEach: {
              description:
                'run once per association of the profile (unciphered-association: those without ciphering), or once per authentication mechanism listed ($each: its association); each instance reported on its own, ID[name]',
              anyOf: [
                { type: 'string', enum: ['association', 'unciphered-association'] },
                {
                  type: 'object',
                  properties: { authentication: { type: 'array', minItems: 2, items: { type: 'string', enum: [...AUTHENTICATIONS] } } },
                  required: ['authentication'],
                  additionalProperties: false,
                },
                {
                  type: 'object',
                  properties: {
                    association: {
                      type: 'array',
                      minItems: 2,
                      items: {
                        type: 'object',
                        description: 'the first association of the profile with this security suite and/or mechanism',
                        properties: {
                          suite: { type: 'integer', enum: [0, 1, 2], description: 'security suite (Green Book 9.2.3.7)' },
                          authentication: { type: 'string', enum: [...AUTHENTICATIONS] },
                        },
                        minProperties: 1,
                        additionalProperties: false,
                      },
                    },
                  },
                  required: ['association'],
                  additionalProperties: false,
                },
              ],
            },
            steps: { type: 'array', minItems: 1, items: forEditor ? editorStepSchema() : STEP_SHAPE },
          },
          required: ['id', 'title', 'spec', 'requirement', 'detects', 'steps'],
        },
      },
    },
    required: ['suite', 'title', 'spec', 'cases'],
  };
}
