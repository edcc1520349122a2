/**
 * The server side of the IEC 62056-47 wrapper (Green Book 7.3.3), sans-IO: one whole wrapper
 * PDU in, the PDUs to send back out. The client's wPort is its SAP; PDUs for another server
 * wPort, and PDUs that do not decode, are dropped.
 */
import { isDecodeError } from '../../dlms/bytes';
import { decodeWrapper, encodeWrapper, type WrapperPdu } from '../../dlms/wrapper/header';
import type { WrapperSettings } from '../meter/definition';
import type { Session } from './session';

export interface WrapperServerLink {
  handlePdu(bytes: Uint8Array, now: number): Uint8Array[];
}

export function createWrapperServerLink(settings: WrapperSettings, session: Session): WrapperServerLink {
  return {
    handlePdu(bytes, now) {
      let pdu: WrapperPdu;
      try {
        pdu = decodeWrapper(bytes);
      } catch (e) {
        if (isDecodeError(e)) return [];
        throw e;
      }
      if (pdu.destination !== settings.wPort) return [];
      const response = session.handleApdu(pdu.apdu, pdu.source, now);
      // Pushed APDUs (data-notification) follow the response at once: TCP lets the server talk.
      const out = [...(response === undefined ? [] : [response]), ...session.takePushes()];
      return out.map((apdu) => encodeWrapper({ source: settings.wPort, destination: pdu.source, apdu }));
    },
  };
}
