/** IEC HDLC setup (class 23, Blue Book 4.7.2) holds parameters in the ranges Green Book 8.4 allows. */
import { type ClassSemantics, range } from './types';

export const IEC_HDLC_SETUP_SEMANTICS: ClassSemantics = {
  classId: 23,
  clause: '4.7.2',
  check: ({ values }) => [
    ...range(values, 2, 'comm_speed (0 = 300 … 9 = 115200 baud)', 0, 9),
    // Green Book 8.4.5.3.2: window size 1..7, maximum information field length 32..2030.
    ...range(values, 3, 'window_size_transmit', 1, 7),
    ...range(values, 4, 'window_size_receive', 1, 7),
    ...range(values, 5, 'max_info_field_length_transmit', 32, 2030),
    ...range(values, 6, 'max_info_field_length_receive', 32, 2030),
    // Blue Book 4.7.2: inter_octet_time_out 20..6000 ms; device_address 0x10..0x3FFD.
    ...range(values, 7, 'inter_octet_time_out (ms)', 20, 6000),
    ...range(values, 9, 'device_address', 0x10, 0x3ffd),
  ],
};
