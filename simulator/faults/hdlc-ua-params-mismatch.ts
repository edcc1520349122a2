import { infoOfParameters, parameterList, parametersOfInfo, settingsOf } from '../../dlms/hdlc/parameters';
import type { Fault } from './types';

/** The UA states a maximum receive information length one byte below the one the IEC HDLC setup object reports and the server uses. */
export const hdlcUaParamsMismatch: Fault = {
  name: 'hdlc-ua-params-mismatch',
  description: 'The UA states a maximum receive information length one byte below the one the IEC HDLC setup object reports and the server uses.',
  clause: 'Blue Book 4.7.2 (IEC HDLC setup: max_info_field_length_receive) and Green Book 8.4.5.3.2',
  hooks: {
    hdlc: {
      onTransmit: (frame) => {
        if (frame.type !== 'UA' || frame.info.length === 0) return frame;
        const s = settingsOf(parametersOfInfo(frame.info));
        return { ...frame, info: infoOfParameters(parameterList({ ...s, maxInfoFieldLengthReceive: s.maxInfoFieldLengthReceive - 1 })) };
      },
    },
  },
};
