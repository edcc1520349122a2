/**
 * Disconnect control, class 70 version 0 (Blue Book 4.5.8): the supply switch, driven here by
 * its two remote methods. control_state 0 disconnected, 1 connected, 2 ready_for_reconnection;
 * output_state is true only when connected.
 *
 * Transitions (Blue Book 4.5.8, state diagram): remote_disconnect (b, c) takes connected or
 * ready_for_reconnection to disconnected; remote_reconnect takes disconnected to
 * ready_for_reconnection (a) in control modes 1, 3, 5 — a local action then closes the switch —
 * and straight to connected (d) in modes 2, 4, 6. Mode 0 allows no remote transition. A method
 * that is not allowed in the current state or mode fails with temporary-failure: the standard
 * names no closer action-result, and the same request may succeed once the state changes.
 */
import type { Cursor } from '../../config/yaml-cursor';
import { DISCONNECT_CONTROL } from '../../dlms/cosem/catalogue/disconnect-control';
import { attributesOf } from './from-catalogue';
import { isIntegerZero } from './method-parameter';
import { methodRefused, ok, refused, writeRefused, written, type ClassBehaviour, type MethodResult } from './types';

const STATE = { disconnected: 0, connected: 1, 'ready-for-reconnection': 2 } as const;
type State = keyof typeof STATE;
const STATES = Object.keys(STATE) as State[];

const REMOTE_DISCONNECT = 1;
const REMOTE_RECONNECT = 2;
/** Modes whose remote reconnection closes the switch at once (transition d). */
const DIRECT_RECONNECT_MODES: ReadonlySet<number> = new Set([2, 4, 6]);
const LAST_MODE = 6;

export const disconnectControlClass: ClassBehaviour = {
  name: 'disconnect-control',
  classId: DISCONNECT_CONTROL.classId,
  // Version 0: the same attributes and methods as the catalogue's version 1.
  version: 0,
  attributes: attributesOf(DISCONNECT_CONTROL, { 2: 'read-only', 3: 'read-only' }),
  methodCount: DISCONNECT_CONTROL.methods.length,
  keys: ['state', 'mode'],
  build(entry: Cursor) {
    let state: State = entry.get('state').present ? entry.get('state').oneOf(STATES) : 'connected';
    let mode = entry.get('mode').present ? entry.get('mode').int(0, LAST_MODE) : 2;
    const move = (from: readonly State[], to: State): MethodResult => {
      if (mode === 0 || !from.includes(state)) return methodRefused('temporary-failure');
      state = to;
      return { kind: 'success' };
    };
    return {
      read(attribute) {
        switch (attribute) {
          case 2:
            return ok({ type: 'boolean', value: state === 'connected' });
          case 3:
            return ok({ type: 'enum', value: STATE[state] });
          case 4:
            return ok({ type: 'enum', value: mode });
          default:
            return refused('object-undefined');
        }
      },
      write(attribute, value) {
        if (attribute !== 4) return writeRefused('read-write-denied');
        if (value.type !== 'enum') return writeRefused('type-unmatched');
        if (value.value > LAST_MODE) return writeRefused('other-reason');
        mode = value.value;
        return written;
      },
      invoke(method, parameters) {
        if (!isIntegerZero(parameters)) return methodRefused('type-unmatched');
        if (method === REMOTE_DISCONNECT) return move(['connected', 'ready-for-reconnection'], 'disconnected');
        if (method === REMOTE_RECONNECT) return move(['disconnected'], DIRECT_RECONNECT_MODES.has(mode) ? 'connected' : 'ready-for-reconnection');
        return methodRefused('object-undefined');
      },
    };
  },
};
