/** S-FSK MAC counters (class 53, Blue Book 4.10.5): the initiators counted are named by 12-bit S-FSK MAC addresses. */
import type { Data } from '../../../dlms/axdr/data';
import { sfskAddress } from './s-fsk-address';
import { type ClassSemantics, itemsOf } from './types';

const SYNCHRONIZATION_REGISTER = 2;
const BROADCAST_FRAMES_COUNTER = 4;

const addresses = (values: ReadonlyMap<number, Data>, attribute: number, name: string) =>
  itemsOf(values.get(attribute)).flatMap((entry, i) => sfskAddress(attribute, `${name}[${i}].mac_address`, itemsOf(entry)[0]));

export const SFSK_MAC_COUNTERS_SEMANTICS: ClassSemantics = {
  classId: 53,
  clause: '4.10.5, IEC 61334-5-1',
  check: ({ values }) => [
    ...addresses(values, SYNCHRONIZATION_REGISTER, 'synchronization_register'),
    ...addresses(values, BROADCAST_FRAMES_COUNTER, 'broadcast_frames_counter'),
  ],
};
