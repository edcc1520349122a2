/**
 * Shared by the selective-access faults: a GET's selection decoded, rewritten and encoded again,
 * so that each fault says only what it changes (Blue Book 4.3.6 range_ and entry_descriptor).
 * Not a fault itself (index.ts lists it among the helpers).
 */
import type { Data } from '../../dlms/axdr/data';
import { dateTimeFromDate, dateTimeFromOctetString, dateTimeToDate, dateTimeToOctetString } from '../../dlms/axdr/datetime';
import { type AccessSelection, accessSelectionFromData, accessSelectionToData } from '../../dlms/cosem/selective-access';
import type { Selection } from '../objects/types';

export function rewriteSelection(selection: Selection | undefined, change: (s: AccessSelection) => AccessSelection): Selection | undefined {
  if (!selection) return selection;
  try {
    return accessSelectionToData(change(accessSelectionFromData(selection.selector, selection.parameters)));
  } catch {
    return selection;
  }
}

/** A date-time bound moved by `ms`, or a number moved by `step`; other values as they are. */
export function moveBound(d: Data, ms: number, step: number): Data {
  if (d.type === 'octet-string' && d.value.length === 12) {
    const dt = dateTimeFromOctetString(d.value);
    const at = dateTimeToDate(dt);
    if (!at) return d;
    return {
      type: 'octet-string',
      value: dateTimeToOctetString(dateTimeFromDate(new Date(at.getTime() + ms), dt.deviation ?? 0, { clockStatus: dt.clockStatus ?? 0 })),
    };
  }
  if ('value' in d && typeof d.value === 'number') return { ...d, value: d.value + step } as Data;
  return d;
}

/** The instant or number a bound stands for, to compare two bounds. */
export function boundOrdinal(d: Data): number | undefined {
  if (d.type === 'octet-string' && d.value.length === 12) return dateTimeToDate(dateTimeFromOctetString(d.value))?.getTime();
  return 'value' in d && typeof d.value === 'number' ? d.value : undefined;
}
