import type { Variant } from './types';

/**
 * A Register monitor that evaluates its thresholds only when the monitored value changes: a
 * threshold written across the value runs nothing; the value moving across it does.
 */
export const monitorValueChangeOnly: Variant = {
  name: 'monitor-value-change-only',
  description: 'Register monitors evaluate only when the monitored value changes: writing a threshold across the value runs no script.',
  clause: 'Blue Book 4.5.6 (Register monitor: a script runs when the monitored value crosses a threshold; a threshold being moved is not named)',
  reading: 'docs/decisions/method-behaviours.md',
  hooks: { monitorReading: (r) => ({ ...r, valueChangeOnly: true }) },
  affects: ['classes/monitors'],
};
