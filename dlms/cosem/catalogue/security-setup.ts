import { LOGICAL_NAME } from './common';
import type { AttributeDef, InterfaceClassDef, MethodDef } from './types';

const KEY_DATA_LIST = 'array<structure{key_id: enum, key_wrapped: octet-string}>';
const CERTIFICATE_IDENTIFICATION = 'structure{certificate_identification_type: enum, certificate_identification_options: any}';

const V0_ATTRIBUTES: readonly AttributeDef[] = [
  LOGICAL_NAME,
  { index: 2, name: 'security_policy', type: 'enum' }, // v0: 0 nothing … 3 authenticated and encrypted
  { index: 3, name: 'security_suite', type: 'enum', static: true },
  { index: 4, name: 'client_system_title', type: 'octet-string' },
  { index: 5, name: 'server_system_title', type: 'octet-string', static: true },
];
const V0_METHODS: readonly MethodDef[] = [
  { index: 1, name: 'security_activate', parameter: 'enum' },
  { index: 2, name: 'global_key_transfer', parameter: KEY_DATA_LIST },
];

/** Blue Book 4.4.6 Security setup (class_id 64, version 0), as the meter in c_hdlc_none.trace reports it. */
export const SECURITY_SETUP_V0: InterfaceClassDef = {
  classId: 64,
  version: 0,
  name: 'Security setup',
  clause: '4.4.6',
  attributes: V0_ATTRIBUTES,
  methods: V0_METHODS,
};

/** Blue Book 4.4.6 Security setup (class_id 64, version 1): adds certificates and key agreement (suites 1, 2). */
export const SECURITY_SETUP: InterfaceClassDef = {
  classId: 64,
  version: 1,
  name: 'Security setup',
  clause: '4.4.6',
  attributes: [
    ...V0_ATTRIBUTES, // v1 keeps security_policy an enum, read as bit flags
    {
      index: 6,
      name: 'certificates',
      type: 'array<structure{certificate_entity: enum, certificate_type: enum, serial_number: octet-string, issuer: octet-string, subject: octet-string, subject_alt_name: octet-string}>',
    },
  ],
  methods: [
    ...V0_METHODS,
    { index: 3, name: 'key_agreement', parameter: 'array<structure{key_id: enum, key_ciphered_data: octet-string}>' },
    { index: 4, name: 'generate_key_pair', parameter: 'enum' },
    { index: 5, name: 'generate_certificate_request', parameter: 'enum' },
    { index: 6, name: 'import_certificate', parameter: 'octet-string' },
    { index: 7, name: 'export_certificate', parameter: CERTIFICATE_IDENTIFICATION },
    { index: 8, name: 'remove_certificate', parameter: CERTIFICATE_IDENTIFICATION },
  ],
};
