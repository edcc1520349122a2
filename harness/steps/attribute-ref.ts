/**
 * An attribute as a suite names it, `{ obis, class, attribute }` (Blue Book 4.1.1: logical_name,
 * class_id, attribute index): one schema and one conversion for get, set, get.selected,
 * get.with-list. The object may be named as the standard names it
 * (`current-association`, `clock`, `invocation-counter(management)`) and the class by its name
 * (`association-ln`); numbers are still accepted (values/names.ts).
 */
import type { AttributeRef } from '../../client/api';
import { HarnessFault } from '../engine/verdict';
import type { Profile } from '../profile/types';
import { CLASS_REF_SCHEMA, classIdOf, OBJECT_REF_SCHEMA, obisOf } from '../values/names';
import { typedSchema } from '../yaml/from-schema';

export interface SuiteAttribute {
  readonly obis: string;
  readonly class: number | string;
  readonly attribute: number;
}

export const ATTRIBUTE_PROPERTIES = {
  obis: typedSchema<string>(OBJECT_REF_SCHEMA),
  class: typedSchema<number | string>(CLASS_REF_SCHEMA),
  attribute: { type: 'integer', minimum: 1, maximum: 127, description: 'attribute index' },
} as const;

export const ATTRIBUTE_REQUIRED = ['obis', 'class', 'attribute'] as const;

/** The OBIS code of an object reference; `invocation-counter(X)` needs the profile to say where X's counter is. */
export function resolveObis(ref: string, profile: Profile | undefined): string {
  const counterOf = (name: string) => profile?.associations.find((a) => a.name === name)?.security?.invocationCounter?.read;
  const obis = obisOf(ref, counterOf);
  if (obis === undefined)
    throw new HarnessFault(`${ref}: the profile states no invocationCounter.read for that association`, 'profile', 'PROFILE_NO_INVOCATION_COUNTER');
  return obis;
}

export function attributeRef(a: SuiteAttribute, profile?: Profile): AttributeRef {
  return { classId: classIdOf(a.class), obis: resolveObis(a.obis, profile), attribute: a.attribute };
}
