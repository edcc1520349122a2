import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const compactDataBufferTemplateMismatch: Fault = {
  name: 'compact-data-buffer-template-mismatch',
  description: 'Compact data compact_buffer (class 62 attribute 2) ends one octet short of its last value: it no longer decodes against template_description.',
  clause: 'Blue Book 4.3.10 (Compact data: compact_buffer holds the captured values as template_description types them)',
  hooks: alterAttribute(62, 2, (v) => (v.type === 'octet-string' && v.value.length > 0 ? { ...v, value: v.value.slice(0, -1) } : undefined)),
};
