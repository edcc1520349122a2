/**
 * Disconnect control (class 70, Blue Book 4.5.8): the remote transitions of the state diagram in
 * the object's control_mode, and a transition the diagram lacks leaves the state as it was. Mode
 * 0 allows none; in the others remote_disconnect (method 1) opens the switch (control_state 0,
 * output_state false) and remote_reconnect (method 2) leaves disconnected for connected or
 * ready_for_reconnection (which one the mode says: either is accepted, noted). The state read
 * first is restored where a remote method can reach it; the note says when it cannot.
 */
import { ExpectationFailure, Inapplicable } from '../../engine/verdict';
import { numberOf } from '../../classes/semantics/types';
import { actionResult, getValue, invoke } from '../object-ops';
import type { CosemObject } from '../../classes/object-list';
import type { StepContext } from '../context';
import { methodGranted, type MethodBehaviour } from './types';

const OUTPUT_STATE = 2;
const CONTROL_STATE = 3;
const CONTROL_MODE = 4;
const REMOTE_DISCONNECT = 1;
const REMOTE_RECONNECT = 2;
const DISCONNECTED = 0;
const CONNECTED = 1;
const READY = 2;
const STATE_NAMES = ['disconnected', 'connected', 'ready_for_reconnection'];
const RULE = 'Blue Book 4.5.8 (Disconnect control state diagram, remote transitions by control_mode)';

interface State {
  readonly state: number | undefined;
  readonly output: boolean | undefined;
}

async function stateOf(ctx: StepContext, o: CosemObject): Promise<State> {
  const output = await getValue(ctx, o, OUTPUT_STATE);
  const state = numberOf(await getValue(ctx, o, CONTROL_STATE));
  return { state, output: output?.type === 'boolean' ? output.value : undefined };
}

const nameOf = (s: number | undefined) => (s === undefined ? 'unreadable' : (STATE_NAMES[s] ?? String(s)));

async function call(ctx: StepContext, o: CosemObject, method: number): Promise<{ said: string; now: State }> {
  const said = actionResult(ctx, await invoke(ctx, o, method, { type: 'integer', value: 0 }));
  const now = await stateOf(ctx, o);
  ctx.note(
    `${method === REMOTE_DISCONNECT ? 'remote_disconnect' : 'remote_reconnect'} → ${said}; control_state ${nameOf(now.state)}, output_state ${now.output}`,
  );
  return { said, now };
}

export const DISCONNECT_TRANSITIONS: MethodBehaviour = {
  name: 'disconnect-transitions',
  classIds: [70],
  rule: RULE,
  async run(ctx, o) {
    if (!methodGranted(o, REMOTE_DISCONNECT) || !methodGranted(o, REMOTE_RECONNECT))
      throw new Inapplicable(`${o.obis}: the object list grants no access to the remote methods`);
    const mode = numberOf(await getValue(ctx, o, CONTROL_MODE));
    const first = await stateOf(ctx, o);
    ctx.note(`control_mode ${mode}, control_state ${nameOf(first.state)}`);
    if (mode === undefined || first.state === undefined) throw new Inapplicable(`${o.obis}: control_mode or control_state not readable`);
    if (mode === 0) {
      // Mode 0: the disconnector is always connected; no remote transition exists.
      for (const m of [REMOTE_DISCONNECT, REMOTE_RECONNECT]) {
        const { now } = await call(ctx, o, m);
        if (now.state !== first.state)
          throw new ExpectationFailure(RULE, `control_mode 0: method ${m} leaves control_state ${nameOf(first.state)}`, nameOf(now.state));
      }
      return;
    }
    let current = first.state;
    try {
      if (current === CONNECTED) {
        // Not a transition of the diagram: the state stays.
        const { now } = await call(ctx, o, REMOTE_RECONNECT);
        current = now.state ?? current;
        if (now.state !== CONNECTED)
          throw new ExpectationFailure(RULE, 'remote_reconnect while connected leaves the disconnector connected', nameOf(now.state));
      }
      if (current !== DISCONNECTED) {
        const { said, now } = await call(ctx, o, REMOTE_DISCONNECT);
        current = now.state ?? current;
        if (said !== 'success' || now.state !== DISCONNECTED || now.output !== false)
          throw new ExpectationFailure(
            RULE,
            `remote_disconnect from ${nameOf(first.state)} in mode ${mode}: success, control_state disconnected, output_state false`,
            `${said}, ${nameOf(now.state)}, output_state ${now.output}`,
          );
      }
      const { said, now } = await call(ctx, o, REMOTE_RECONNECT);
      current = now.state ?? current;
      if (said !== 'success' || (now.state !== CONNECTED && now.state !== READY) || now.output !== (now.state === CONNECTED)) {
        throw new ExpectationFailure(
          RULE,
          `remote_reconnect from disconnected in mode ${mode}: success, then connected (output true) or ready_for_reconnection (output false)`,
          `${said}, ${nameOf(now.state)}, output_state ${now.output}`,
        );
      }
    } finally {
      if (current !== first.state) {
        if (first.state === DISCONNECTED) await call(ctx, o, REMOTE_DISCONNECT);
        else if (first.state === READY && current === CONNECTED) {
          await call(ctx, o, REMOTE_DISCONNECT);
          await call(ctx, o, REMOTE_RECONNECT);
        }
        const last = await stateOf(ctx, o);
        ctx.note(
          last.state === first.state
            ? `restored: control_state ${nameOf(first.state)}`
            : `not restored: control_state ${nameOf(last.state)}, was ${nameOf(first.state)} (no remote method reaches it in mode ${mode})`,
        );
      }
    }
  },
};
