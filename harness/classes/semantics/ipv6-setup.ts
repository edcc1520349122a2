/**
 * IPv6 setup (class 48, Blue Book 4.9.3): a multicast_IPv6_addresses entry is a multicast
 * address, which begins with octet FF (RFC 4291 2.7); a unicast_IPv6_addresses entry is not one.
 */
import type { Data } from '../../../dlms/axdr/data';
import { type ClassSemantics, itemsOf, octetsText, type Problem } from './types';

const UNICAST = 4;
const MULTICAST = 5;
const MULTICAST_PREFIX = 0xff;

const firstOctet = (d: Data): number | undefined => (d.type === 'octet-string' ? d.value[0] : undefined);

export const IPV6_SETUP_SEMANTICS: ClassSemantics = {
  classId: 48,
  clause: '4.9.3',
  check({ values }) {
    const problems: Problem[] = [];
    itemsOf(values.get(UNICAST)).forEach((d, i) => {
      if (firstOctet(d) === MULTICAST_PREFIX)
        problems.push({ attribute: UNICAST, expected: `unicast_IPv6_addresses[${i}] a unicast address (not FF00::/8)`, actual: octetsText(d) ?? '' });
    });
    itemsOf(values.get(MULTICAST)).forEach((d, i) => {
      const first = firstOctet(d);
      if (first !== undefined && first !== MULTICAST_PREFIX)
        problems.push({ attribute: MULTICAST, expected: `multicast_IPv6_addresses[${i}] a multicast address (FF00::/8)`, actual: octetsText(d) ?? '' });
    });
    return problems;
  },
};
