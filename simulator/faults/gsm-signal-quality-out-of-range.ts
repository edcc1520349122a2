import { alterAttribute, withItem } from './attribute-hook';
import type { Fault } from './types';

export const gsmSignalQualityOutOfRange: Fault = {
  name: 'gsm-signal-quality-out-of-range',
  description: 'GSM diagnostic cell_info (class 47 attribute 6) reports signal_quality 50.',
  clause: 'Blue Book 4.9.8 (GSM diagnostic cell_info signal_quality: 0..31, 99)',
  hooks: alterAttribute(47, 6, (v) => withItem(v, 2, { type: 'unsigned', value: 50 })),
};
