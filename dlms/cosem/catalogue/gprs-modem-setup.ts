import { LOGICAL_NAME } from './common';
import type { InterfaceClassDef } from './types';

const QOS_ELEMENT = 'structure{precedence: unsigned, delay: unsigned, reliability: unsigned, peak_throughput: unsigned, mean_throughput: unsigned}';

/** Blue Book 4.9.5 GPRS modem setup (class_id 45, version 0). */
export const GPRS_MODEM_SETUP: InterfaceClassDef = {
  classId: 45,
  version: 0,
  name: 'GPRS modem setup',
  clause: '4.9.5',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'APN', type: 'octet-string', static: true },
    { index: 3, name: 'PIN_code', type: 'long-unsigned', static: true },
    { index: 4, name: 'quality_of_service', type: `structure{default: ${QOS_ELEMENT}, requested: ${QOS_ELEMENT}}`, static: true },
  ],
  methods: [],
};
