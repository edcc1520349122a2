/**
 * IEC HDLC setup, class 23 version 1 (Blue Book 4.7.2): the HDLC parameters the server uses,
 * reported from the meter definition so they agree with what SNRM/UA negotiates.
 */
import type { Data } from '../../dlms/axdr/data';
import type { HdlcSettings } from '../meter/definition';
import type { Cursor } from '../../config/yaml-cursor';
import { IEC_HDLC_SETUP } from '../../dlms/cosem/catalogue/iec-hdlc-setup';
import { attributesOf } from './from-catalogue';
import { ok, refused, type ClassBehaviour } from './types';

const VALUES: Readonly<Record<number, (h: HdlcSettings) => Data>> = {
  2: (h) => ({ type: 'enum', value: h.commSpeed }),
  3: (h) => ({ type: 'unsigned', value: h.windowTx }),
  4: (h) => ({ type: 'unsigned', value: h.windowRx }),
  5: (h) => ({ type: 'long-unsigned', value: h.maxInfoTx }),
  6: (h) => ({ type: 'long-unsigned', value: h.maxInfoRx }),
  7: (h) => ({ type: 'long-unsigned', value: h.interOctetTimeoutMs }),
  8: (h) => ({ type: 'long-unsigned', value: h.inactivityTimeoutS }),
  9: (h) => ({ type: 'long-unsigned', value: h.serverPhysical }),
};

export const iecHdlcSetupClass: ClassBehaviour = {
  name: 'iec-hdlc-setup',
  classId: IEC_HDLC_SETUP.classId,
  version: IEC_HDLC_SETUP.version,
  attributes: attributesOf(IEC_HDLC_SETUP),
  methodCount: IEC_HDLC_SETUP.methods.length,
  keys: [],
  build(_entry: Cursor) {
    return {
      read(attribute, ctx) {
        const value = VALUES[attribute];
        return value ? ok(value(ctx.meter.hdlc)) : refused('object-undefined');
      },
    };
  },
};
