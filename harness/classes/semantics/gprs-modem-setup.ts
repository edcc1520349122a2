/**
 * GPRS modem setup (class 45, Blue Book 4.9.5): the APN is at most 100 octets (3GPP TS 23.003
 * 9.1), and each quality_of_service element is a GPRS QoS class that fits its field of the QoS
 * information element (3GPP TS 24.008 10.5.6.5): precedence, delay and reliability 3 bits, peak
 * throughput 4 bits, mean throughput 5 bits. Only the field widths are judged: which values of
 * a field are reserved changed between releases.
 */
import { type ClassSemantics, itemsOf, numberOf, octetCount, type Problem } from './types';

const APN = 2;
const QUALITY_OF_SERVICE = 4;
const APN_MAX_OCTETS = 100;
/** The QoS element's fields, in order, with their widths in bits. */
const QOS_FIELDS: readonly (readonly [string, number])[] = [
  ['precedence', 3],
  ['delay', 3],
  ['reliability', 3],
  ['peak_throughput', 4],
  ['mean_throughput', 5],
];

export const GPRS_MODEM_SETUP_SEMANTICS: ClassSemantics = {
  classId: 45,
  clause: '4.9.5, 3GPP TS 23.003 9.1, 3GPP TS 24.008 10.5.6.5',
  check({ values }) {
    const problems: Problem[] = [];
    const apn = octetCount(values.get(APN));
    if (apn !== undefined && apn > APN_MAX_OCTETS)
      problems.push({ attribute: APN, expected: `APN of at most ${APN_MAX_OCTETS} octets`, actual: `${apn} octets` });
    itemsOf(values.get(QUALITY_OF_SERVICE)).forEach((element, e) =>
      QOS_FIELDS.forEach(([name, bits], i) => {
        const v = numberOf(itemsOf(element)[i]);
        if (v !== undefined && v >= 2 ** bits)
          problems.push({
            attribute: QUALITY_OF_SERVICE,
            expected: `quality_of_service.${e === 0 ? 'default' : 'requested'}.${name} a ${bits}-bit class (0..${2 ** bits - 1})`,
            actual: String(v),
          });
      }),
    );
    return problems;
  },
};
