/**
 * Every catalogue class the simulator has no hand-written behaviour for, served from the
 * catalogue itself (dlms/cosem/catalogue): `class: gsm-diagnostic` (the class name in lower case,
 * words joined by '-') serves the newest version the catalogue knows. Attribute values come from
 * `values: { 2: { type: …, value: … } }` in the meter definition, else the type's default
 * (default-value.ts). A SET stores a value of the catalogue type and refuses any other
 * (type-unmatched, Green Book 9.3.7); a method accepts a parameter of its catalogue type and
 * changes nothing, so a walk over these objects leaves the meter as it found it.
 */
import type { Data } from '../../dlms/axdr/data';
import { CATALOGUE, type InterfaceClassDef } from '../../dlms/cosem/catalogue/catalogue';
import { checkType, parseTypeSpec } from '../../dlms/cosem/catalogue/type-spec';
import type { Cursor } from '../../config/yaml-cursor';
import { defaultValue } from '../../dlms/cosem/catalogue/default-value';
import { attributesOf } from './from-catalogue';
import { dataFromYaml } from './yaml-data';
import { methodRefused, ok, refused, writeRefused, written, type AttributeResult, type ClassBehaviour, type WriteResult } from './types';

/** `Push setup` → `push-setup`, `IEC twisted pair (1) setup` → `iec-twisted-pair-1-setup`. */
export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * An object's attribute values as the catalogue types them: `values:` of its entry, else each
 * type's default; a SET stores a value of the catalogue type and refuses any other (type-unmatched,
 * Green Book 9.3.7). The living classes (script table, activity calendar, image transfer) keep
 * their attributes here and add their methods' behaviour.
 */
export interface CatalogueValues {
  readonly values: Map<number, Data>;
  read(attribute: number): AttributeResult;
  write(attribute: number, next: Data): WriteResult;
}

export function catalogueValues(def: InterfaceClassDef, entry: Cursor): CatalogueValues {
  const specs = new Map(def.attributes.map((a) => [a.index, parseTypeSpec(a.type)]));
  const values = new Map<number, Data>();
  for (const [index, spec] of specs) if (index !== 1) values.set(index, defaultValue(spec));
  const given = entry.get('values');
  for (const [key, c] of given.present ? given.entries() : []) {
    const index = Number(key);
    const spec = (index !== 1 && specs.get(index)) || c.fail(`${def.name} has no attribute ${key} to give a value (attributes 2..${def.attributes.length})`);
    const value = dataFromYaml(c);
    const problems = checkType(value, spec);
    if (problems.length) c.fail(`attribute ${index} of ${def.name} must be ${def.attributes[index - 1]!.type}: ${problems[0]}`);
    values.set(index, value);
  }
  return {
    values,
    read(attribute) {
      const v = values.get(attribute);
      return v ? ok(v) : refused('object-undefined');
    },
    write(attribute, next) {
      const spec = specs.get(attribute);
      if (!spec || attribute === 1) return writeRefused('object-undefined');
      if (checkType(next, spec).length) return writeRefused('type-unmatched');
      values.set(attribute, next);
      return written;
    },
  };
}

/** Whether `parameter` fits method `method` of `def` (absent where the catalogue types none). */
export function parameterFits(def: InterfaceClassDef, method: number, parameter: Data | undefined): boolean {
  const m = def.methods.find((x) => x.index === method);
  if (!m) return false;
  return m.parameter === undefined || (parameter !== undefined && checkType(parameter, parseTypeSpec(m.parameter)).length === 0);
}

function genericClass(def: InterfaceClassDef): ClassBehaviour {
  return {
    name: slugOf(def.name),
    classId: def.classId,
    version: def.version,
    attributes: attributesOf(def),
    methodCount: def.methods.length,
    keys: ['values'],
    build(entry: Cursor) {
      const store = catalogueValues(def, entry);
      return {
        read: (attribute) => store.read(attribute),
        write: (attribute, next) => store.write(attribute, next),
        invoke(method, parameter) {
          if (!def.methods.some((m) => m.index === method)) return methodRefused('object-undefined');
          if (!parameterFits(def, method, parameter)) return methodRefused('type-unmatched');
          return { kind: 'success' };
        },
      };
    },
  };
}

/** The newest catalogue version of every class id not in `handWritten`, by slug. */
export function genericClasses(handWritten: ReadonlySet<number>): readonly ClassBehaviour[] {
  const newest = new Map<number, InterfaceClassDef>();
  for (const c of CATALOGUE) if (!handWritten.has(c.classId) && (newest.get(c.classId)?.version ?? -1) < c.version) newest.set(c.classId, c);
  return [...newest.values()].map(genericClass);
}
