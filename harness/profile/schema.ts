/**
 * What a profile may say, as data: checked on the YAML nodes by harness/yaml/schema.ts and
 * written to schemas/profile.schema.json for editors.
 */
import type { Schema } from '../yaml/schema';

const framing: Schema = { type: 'string', enum: ['hdlc', 'wrapper'], description: 'hdlc (IEC 62056-46) or wrapper (IEC 62056-47)' };
const duration: Schema = { type: 'string', format: 'duration', description: 'a duration: 5s, 200ms, 2min' };
const secret: Schema = { type: 'string', format: 'secret-ref', description: 'env:NAME, file:path or builtin:name; never the secret itself' };
const byte = (description: string): Schema => ({ type: 'integer', minimum: 0, maximum: 255, description });

export const AUTHENTICATIONS = ['none', 'low', 'hls-manufacturer', 'hls-md5', 'hls-sha1', 'hls-gmac', 'hls-sha256', 'hls-ecdsa'] as const;

const transport: Schema = {
  anyOf: [
    {
      type: 'object',
      description: 'the built-in simulator, in process',
      properties: {
        kind: { const: 'builtin' },
        framing,
        meter: { type: 'string', description: 'meter definition YAML (default simulator/meters/default.yaml)' },
        faults: { type: 'array', items: { type: 'string', pattern: '^[a-z0-9-]+$' }, description: 'simulator faults to inject' },
        variants: {
          type: 'array',
          items: { type: 'string', pattern: '^[a-z0-9-]+$' },
          description: 'legal simulator variants the meter shows (dlmsct simulate --list-variants); their profile settings (addresses, window, max info) apply',
        },
      },
      required: ['kind', 'framing'],
    },
    {
      type: 'object',
      description: 'TCP (wrapper, or HDLC through a gateway)',
      properties: {
        kind: { const: 'tcp' },
        framing,
        host: { type: 'string', description: 'host name or address' },
        port: { type: 'integer', minimum: 1, maximum: 65535, description: 'TCP port (4059 is the IANA port for DLMS/COSEM)' },
      },
      required: ['kind', 'framing', 'host', 'port'],
    },
    {
      type: 'object',
      description: 'a serial port, optionally opened with IEC 62056-21 mode E',
      properties: {
        kind: { const: 'serial' },
        framing: { const: 'hdlc' },
        path: { type: 'string', description: 'device path, e.g. /dev/ttyUSB0' },
        baudRate: { type: 'integer', enum: [300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200], description: 'baud rate' },
        opening: {
          description: 'IEC 62056-21 mode E opening sequence: the plain name, or an object to tune it',
          anyOf: [
            { type: 'string', enum: ['iec21-mode-e'] },
            {
              type: 'object',
              properties: {
                kind: { const: 'iec21-mode-e' },
                requireEnhancedId: {
                  type: 'boolean',
                  description:
                    'false: acknowledge a meter whose identification lacks the enhanced identification \\2 (IEC 62056-21 6.3.2), with a remark on every case; default true (a failure of the meter)',
                },
              },
              required: ['kind'],
              additionalProperties: false,
            },
          ],
        },
      },
      required: ['kind', 'framing', 'path', 'baudRate'],
    },
  ],
};

const association: Schema = {
  type: 'object',
  properties: {
    clientSap: byte('client service access point (Green Book 8.4.2.2: 16 public client, 1 management)'),
    referencing: { type: 'string', enum: ['ln', 'sn'], description: 'logical or short name referencing (default ln)' },
    authentication: { type: 'string', enum: [...AUTHENTICATIONS], description: 'authentication mechanism (Green Book 9.2.7.4)' },
    password: { ...secret, description: 'LLS password or HLS secret, as a reference' },
    hlsAlgorithm: {
      type: 'string',
      description:
        'HLS mechanism 2 (hls-manufacturer): the name of the manufacturer algorithm plugged into the registry (built in: dlmsct-test-hmac-sha256, a test algorithm)',
    },
    security: {
      type: 'object',
      properties: {
        suite: { type: 'integer', enum: [0, 1, 2], description: 'security suite (Green Book 9.2.3.7)' },
        policy: { type: 'string', enum: ['none', 'authenticated', 'encrypted', 'authenticated-encrypted'], description: 'security policy' },
        systemTitle: { type: 'string', format: 'hex', description: 'client system title, 8 bytes in hex' },
        serverSystemTitle: { type: 'string', format: 'hex', description: 'the server system title the AARE must carry, 8 bytes in hex' },
        blockCipherKey: { ...secret, description: 'global unicast encryption key (EK): a reference to its hex' },
        authenticationKey: { ...secret, description: 'authentication key (AK): a reference to its hex' },
        masterKey: { ...secret, description: 'master key (KEK) for global_key_transfer: a reference to its hex' },
        broadcastKey: { ...secret, description: 'global broadcast key, for requests with the key-set bit set: a reference to its hex' },
        context: {
          type: 'string',
          enum: ['ciphered', 'plain'],
          description: 'application context with or without ciphering (default: ciphered unless the policy is none)',
        },
        dedicatedKey: { type: 'boolean', description: 'propose a dedicated key in the AARQ and use ded- APDUs' },
        envelope: {
          type: 'string',
          enum: ['service-specific', 'general', 'general-ciphering'],
          description:
            'glo-/ded- APDUs, general-glo/ded-ciphering, or general-ciphering with a key conveyed in each request (wrapped, suite 0; agreed, suites 1, 2)',
        },
        signingKey: { ...secret, description: 'suites 1, 2: the client ECDSA private key, a reference to its hex' },
        serverSigningKey: { type: 'string', format: 'hex', description: "suites 1, 2: the server's public signing key, x || y in hex" },
        invocationCounter: {
          type: 'object',
          description: "read the DUT's invocation counter object before associating (Green Book 9.2.3.7)",
          properties: {
            read: { type: 'string', format: 'obis', description: 'the counter object, 0-0:43.1.x.255' },
            via: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]*$', description: 'the association to read it in (usually the public one)' },
          },
          required: ['read', 'via'],
        },
        securitySetup: { type: 'string', format: 'obis', description: 'the Security setup object (class 64); default 0-0:43.0.0.255' },
      },
      required: ['suite', 'policy'],
    },
  },
  required: ['clientSap', 'authentication'],
};

export const PROFILE_SCHEMA: Schema = {
  type: 'object',
  description: 'A dlmsct profile: the device under test (DESIGN.md, Profiles)',
  properties: {
    device: {
      type: 'object',
      properties: {
        name: { type: 'string', description: 'a name for reports' },
        manufacturer: { type: 'string' },
        model: { type: 'string' },
        firmware: { type: 'string' },
      },
      required: ['name'],
    },
    transport,
    hdlc: {
      type: 'object',
      properties: {
        serverLogical: { type: 'integer', minimum: 0, maximum: 16383, description: 'server upper HDLC address (logical device, 1 = management)' },
        serverPhysical: { type: 'integer', minimum: 0, maximum: 16383, description: 'server lower HDLC address (physical device)' },
        addressSize: { type: 'integer', enum: [1, 2, 4], description: 'server address length in bytes (Green Book 8.4.2.2)' },
        maxInfo: { type: 'integer', minimum: 32, maximum: 2030, description: 'proposed maximum information field length' },
        window: { type: 'integer', minimum: 1, maximum: 7, description: 'proposed window size' },
      },
      required: ['serverLogical'],
    },
    timeouts: {
      type: 'object',
      properties: { response: duration, interFrame: duration, inactivity: duration, connect: duration },
    },
    associations: {
      type: 'object',
      description: 'one entry per association: name → parameters',
      propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_-]*$' },
      additionalProperties: association,
      minProperties: 1,
    },
    expect: {
      type: 'object',
      properties: {
        logicalDeviceName: { type: 'string', description: 'the COSEM logical device name (0-0:42.0.0.255), as text' },
        dlmsVersion: { type: 'integer', minimum: 1, maximum: 255, description: 'the DLMS version the AARE must announce (6 today)' },
      },
    },
    features: {
      type: 'object',
      description: 'features the device has, for applicability (lls: true, hls-gmac: true, ...)',
      propertyNames: { pattern: '^[a-z0-9-]+$' },
      additionalProperties: { type: 'boolean' },
    },
    imageTransfer: {
      type: 'object',
      description: 'a harmless firmware image for the Image transfer cases (state-changing): the file, relative to the profile, and its image_identifier',
      properties: {
        image: { type: 'string', pattern: '.', description: 'the image file, relative to the profile' },
        identifier: { type: 'string', pattern: '^.{1,255}$', description: 'image_identifier sent in image_transfer_initiate, as text' },
      },
      required: ['image', 'identifier'],
      additionalProperties: false,
    },
    resettableProfiles: {
      type: 'array',
      description:
        'Profile generic objects (OBIS, A-B:C.D.E.F) whose entries the owner lets a case clear for good (PROFILE-RESET, state-changing); a profile not named is never reset',
      items: { type: 'string', pattern: '^\\d{1,3}-\\d{1,3}:\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$' },
    },
    deviations: { type: 'string', description: 'known-deviations file, relative to the profile (docs/deviations.md); refused in certification mode' },
    golden: {
      type: 'object',
      description: 'the approved golden sample: each run adds a golden-sample case per association (docs/acceptance.md)',
      properties: {
        snapshot: { type: 'string', description: 'a snapshot written by dlmsct read, relative to the profile' },
        rules: { type: 'string', description: 'a diff rules file (compare:/ignore:), relative to the profile' },
      },
      required: ['snapshot'],
    },
  },
  required: ['device', 'transport', 'associations'],
};
