import { LOGICAL_NAME } from './common';
import type { InterfaceClassDef } from './types';

/** Blue Book 4.7.4 Modem configuration (class_id 27, version 1): PSTN modem initialisation. */
export const MODEM_CONFIGURATION: InterfaceClassDef = {
  classId: 27,
  version: 1,
  name: 'Modem configuration',
  clause: '4.7.4',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'comm_speed', type: 'enum', static: true },
    {
      index: 3,
      name: 'initialization_string',
      type: 'array<structure{request: octet-string, response: octet-string, delay_after_response: long-unsigned}>',
      static: true,
    },
    { index: 4, name: 'modem_profile', type: 'array<octet-string>', static: true },
  ],
  methods: [],
};
