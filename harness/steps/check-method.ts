/**
 * `check.method: { behaviour, association? }` — a state-changing method behaviour (issue 10
 * item 4) on every object of its class in the association's object list, one sub-step per
 * object: Clock set / shift_time / adjust_to_quarter, Register reset, Disconnect control
 * transitions, Profile generic capture and reset, Script table execute, Activity calendar activation, Image
 * transfer (a harmless image and a wrong one), Push setup push, Register monitor and Limiter actions, the Limiter's emergency profile. Each changes the meter and restores it, saying so in its notes; the cases that use
 * it require `features: { state-changing: true }` in the profile, so a meter is only changed where
 * its owner opted in.
 */
import { ASSOCIATION_REF_SCHEMA } from './association-ref';
import { forEachObject, objectsOfClass } from './object-iteration';
import { defineStep } from './registry';
import type { Schema } from '../yaml/schema';
import { CALENDAR_ACTIVATE } from './methods/activity-calendar';
import { CLOCK_ADJUST_TO_QUARTER, CLOCK_SET, CLOCK_SHIFT_TIME } from './methods/clock';
import { IMAGE_TRANSFER, IMAGE_TRANSFER_WRONG_IMAGE } from './methods/image-transfer';
import { DISCONNECT_TRANSITIONS } from './methods/disconnect-control';
import { PROFILE_CAPTURE, PROFILE_RESET } from './methods/profile-generic';
import { PUSH_CONTENT } from './methods/push-setup';
import { REGISTER_RESET } from './methods/register';
import { REGISTER_MONITOR_ACTION } from './methods/register-monitor';
import { LIMITER_ACTION } from './methods/limiter';
import { LIMITER_EMERGENCY } from './methods/limiter-emergency';
import { SCRIPT_EXECUTE } from './methods/script-table';
import type { MethodBehaviour } from './methods/types';

const BEHAVIOURS: readonly MethodBehaviour[] = [
  CLOCK_SET,
  CLOCK_SHIFT_TIME,
  CLOCK_ADJUST_TO_QUARTER,
  REGISTER_RESET,
  DISCONNECT_TRANSITIONS,
  PROFILE_CAPTURE,
  PROFILE_RESET,
  SCRIPT_EXECUTE,
  CALENDAR_ACTIVATE,
  IMAGE_TRANSFER_WRONG_IMAGE,
  IMAGE_TRANSFER,
  PUSH_CONTENT,
  REGISTER_MONITOR_ACTION,
  LIMITER_ACTION,
  LIMITER_EMERGENCY,
];
const BY_NAME = new Map(BEHAVIOURS.map((b) => [b.name, b]));

const CHECK_METHOD_SCHEMA = {
  type: 'object',
  required: ['behaviour'],
  properties: {
    behaviour: { enum: BEHAVIOURS.map((b) => b.name), description: 'which method behaviour to check' },
    association: ASSOCIATION_REF_SCHEMA,
  },
} as const satisfies Schema;

defineStep({
  name: 'check.method',
  description: `A state-changing method behaviour on every object of its class, each restored afterwards (${BEHAVIOURS.map((b) => b.name).join(', ')}); for cases that require features: [state-changing]`,
  generator: true,
  schema: CHECK_METHOD_SCHEMA,
  async run(ctx, args) {
    const b = BY_NAME.get(args.behaviour)!;
    const { objects, listVersion } = await objectsOfClass(ctx, args.association, [...b.classIds]);
    await forEachObject(ctx, objects, (o) => b.run(ctx, o, listVersion));
  },
});
