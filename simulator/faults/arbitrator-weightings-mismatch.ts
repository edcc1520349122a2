import { alterAttribute, items, withItem } from './attribute-hook';
import type { Fault } from './types';

export const arbitratorWeightingsMismatch: Fault = {
  name: 'arbitrator-weightings-mismatch',
  description: 'Arbitrator weightings_table (class 68 attribute 4) gives its first actor one weight fewer than there are actions.',
  clause: 'Blue Book 4.5.12 (Arbitrator weightings_table: one weight per action for each actor)',
  hooks: alterAttribute(68, 4, (v) => {
    const first = items(v)[0];
    return first?.type === 'array' ? withItem(v, 0, { ...first, items: first.items.slice(1) }) : undefined;
  }),
};
