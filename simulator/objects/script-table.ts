/**
 * Script table, class 9 version 0 (Blue Book 4.5.2): scripts of actions the meter runs on its
 * own objects. execute(script_identifier) runs the actions of that script in order: service_id 1
 * writes `parameter` to attribute `index` of the object named, service_id 2 invokes its method
 * `index` with `parameter` (Blue Book 4.5.2 action_specification). The meter runs them as itself,
 * whatever the association's own rights; an action on an object the meter lacks is skipped.
 * script_identifier 0 is the null script (Blue Book 4.5.2): it does nothing. An identifier the
 * table does not hold is refused with object-unavailable: the standard names no closer result.
 *
 * Definition keys: `values: { 2: <scripts> }`, as for any catalogue class (generic.ts).
 */
import type { Data } from '../../dlms/axdr/data';
import type { Cursor } from '../../config/yaml-cursor';
import { SCRIPT_TABLE } from '../../dlms/cosem/catalogue/script-table';
import { attributesOf } from './from-catalogue';
import { catalogueValues, parameterFits } from './generic';
import { findObject } from './store';
import { methodRefused, type ClassBehaviour, type MethodResult, type ServeContext } from './types';

const SCRIPTS = 2;
const EXECUTE = 1;
/** Blue Book 4.5.2 action_specification service_id. */
const WRITE_ATTRIBUTE = 1;
const EXECUTE_METHOD = 2;
/** A script may execute another script; a loop of them stops here. */
const MAX_DEPTH = 8;

let depth = 0;

interface Action {
  readonly service: number;
  readonly classId: number;
  readonly logicalName: Uint8Array;
  readonly index: number;
  readonly parameter: Data;
}

function actionOf(d: Data): Action | undefined {
  if (d.type !== 'structure' || d.items.length !== 5) return undefined;
  const [service, classId, ln, index, parameter] = d.items;
  if (service?.type !== 'enum' || classId?.type !== 'long-unsigned' || ln?.type !== 'octet-string' || index?.type !== 'integer' || !parameter) return undefined;
  return { service: service.value, classId: classId.value, logicalName: ln.value, index: index.value, parameter };
}

/** The actions of script `id`, or undefined when the table holds no such script. */
export function scriptActions(scripts: Data | undefined, id: number): readonly Action[] | undefined {
  if (scripts?.type !== 'array') return undefined;
  for (const s of scripts.items) {
    if (s.type !== 'structure') continue;
    const [identifier, actions] = s.items;
    if (identifier?.type !== 'long-unsigned' || identifier.value !== id) continue;
    return actions?.type === 'array' ? actions.items.flatMap((a) => actionOf(a) ?? []) : [];
  }
  return undefined;
}

function run(action: Action, ctx: ServeContext): void {
  const object = findObject(ctx.meter.objects, action.logicalName);
  if (!object || object.cosemClass.classId !== action.classId) return;
  if (action.service === WRITE_ATTRIBUTE) object.behaviour.write?.(action.index, action.parameter, ctx);
  if (action.service === EXECUTE_METHOD) object.behaviour.invoke?.(action.index, action.parameter, ctx);
}

export const scriptTableClass: ClassBehaviour = {
  name: 'script-table',
  classId: SCRIPT_TABLE.classId,
  version: SCRIPT_TABLE.version,
  attributes: attributesOf(SCRIPT_TABLE),
  methodCount: SCRIPT_TABLE.methods.length,
  keys: ['values'],
  build(entry: Cursor) {
    const store = catalogueValues(SCRIPT_TABLE, entry);
    return {
      read: (attribute) => store.read(attribute),
      write: (attribute, next) => store.write(attribute, next),
      invoke(method, parameter, ctx): MethodResult {
        if (method !== EXECUTE) return methodRefused('object-undefined');
        if (!parameterFits(SCRIPT_TABLE, method, parameter) || parameter?.type !== 'long-unsigned') return methodRefused('type-unmatched');
        if (parameter.value === 0) return { kind: 'success' };
        const actions = scriptActions(store.values.get(SCRIPTS), parameter.value);
        if (!actions) return methodRefused('object-unavailable');
        if (depth >= MAX_DEPTH) return methodRefused('temporary-failure');
        depth += 1;
        try {
          for (const a of actions) run(a, ctx);
        } finally {
          depth -= 1;
        }
        return { kind: 'success' };
      },
    };
  },
};
