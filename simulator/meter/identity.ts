/**
 * One meter of a simulated batch: the same definition under its own identity — its COSEM
 * logical device name (Green Book 4.1.8.2, served by 0-0:42.0.0.255 and the SAP assignment) and
 * its manufacturing number (Device ID 1, 0-0:96.1.0.255, Blue Book 6.2.x), as every meter of a
 * delivered batch has its own.
 */
import { ok, refused } from '../objects/types';
import type { MeterDefinition } from './definition';

export interface MeterIdentity {
  readonly logicalDeviceName?: string;
  readonly serialNumber?: string;
}

/** Device ID 1: the manufacturing number. */
export const SERIAL_NUMBER_OBIS = '0-0:96.1.0.255';

export function withIdentity(meter: MeterDefinition, id: MeterIdentity | undefined): MeterDefinition {
  if (!id) return meter;
  const serial = id.serialNumber;
  const objects =
    serial === undefined
      ? meter.objects
      : meter.objects.map((o) =>
          o.obis === SERIAL_NUMBER_OBIS && o.cosemClass.name === 'data'
            ? {
                ...o,
                behaviour: {
                  read: (attribute: number) =>
                    attribute === 2 ? ok({ type: 'octet-string', value: new TextEncoder().encode(serial) }) : refused('object-undefined'),
                },
              }
            : o,
        );
  return { ...meter, ...(id.logicalDeviceName === undefined ? {} : { logicalDeviceName: id.logicalDeviceName }), objects };
}
