/**
 * S-FSK MAC addresses (IEC 61334-5-1 4.3, restated by Blue Book 4.10): 12 bits, 0x000 (NEW, not
 * yet configured) to 0xFFF (all). Not a class's rules itself (index.ts names this file among
 * its helpers): the S-FSK classes that carry MAC addresses share it.
 */
import type { Data } from '../../../dlms/axdr/data';
import { numberOf, type Problem } from './types';

export const SFSK_MAC_ADDRESS_MAX = 0xfff;

/** A problem when `d` holds a number beyond 12 bits; `name` says where it sits. */
export function sfskAddress(attribute: number, name: string, d: Data | undefined): Problem[] {
  const v = numberOf(d);
  if (v === undefined || v <= SFSK_MAC_ADDRESS_MAX) return [];
  return [{ attribute, expected: `${name} a 12-bit S-FSK MAC address (0..0xFFF)`, actual: `0x${v.toString(16).toUpperCase()}` }];
}
