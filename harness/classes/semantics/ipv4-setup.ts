/**
 * IPv4 setup (class 42, Blue Book 4.9.2): multicast_IP_address holds the addresses of the
 * multicast groups the device belongs to, so each is an IPv4 multicast address, 224.0.0.0 to
 * 239.255.255.255 (RFC 5771).
 */
import { type ClassSemantics, itemsOf, numberOf, type Problem } from './types';

const MULTICAST_IP_ADDRESS = 4;
const MULTICAST_FIRST = 0xe0000000;
const MULTICAST_LAST = 0xefffffff;

const dotted = (a: number): string => [24, 16, 8, 0].map((s) => (a >>> s) & 0xff).join('.');

export const IPV4_SETUP_SEMANTICS: ClassSemantics = {
  classId: 42,
  clause: '4.9.2',
  check({ values }) {
    const problems: Problem[] = [];
    itemsOf(values.get(MULTICAST_IP_ADDRESS)).forEach((d, i) => {
      const a = numberOf(d);
      if (a !== undefined && (a < MULTICAST_FIRST || a > MULTICAST_LAST))
        problems.push({
          attribute: MULTICAST_IP_ADDRESS,
          expected: `multicast_IP_address[${i}] in 224.0.0.0..239.255.255.255 (a multicast group)`,
          actual: dotted(a),
        });
    });
    return problems;
  },
};
