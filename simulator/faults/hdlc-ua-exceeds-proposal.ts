import { infoOfParameters, parameterList } from '../../dlms/hdlc/parameters';
import type { Fault } from './types';

/** The UA states the server's own maxima whatever the SNRM proposed, values above the proposal included. */
export const hdlcUaExceedsProposal: Fault = {
  name: 'hdlc-ua-exceeds-proposal',
  description: "The UA states the server's own maxima whatever the SNRM proposed, values above the proposal included.",
  clause: "Green Book 8.4.5.3.2 (the UA values do not exceed the SNRM's); DLMS UA 1001-3 HDLC_NDM2NRM_P2",
  hooks: {
    hdlc: {
      onTransmit: (frame) =>
        frame.type === 'UA' && frame.info.length > 0
          ? {
              ...frame,
              info: infoOfParameters(
                parameterList({ maxInfoFieldLengthTransmit: 2030, maxInfoFieldLengthReceive: 2030, windowSizeTransmit: 7, windowSizeReceive: 7 }),
              ),
            }
          : frame,
    },
  },
};
