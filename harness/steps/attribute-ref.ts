/**
 * An attribute as a suite names it, `{ obis, class, attribute }` (Blue Book 4.1.1: logical_name,
 * class_id, attribute index): one schema and one conversion for get, set, get.selected,
 * get.with-list and security.get.
 */
import type { AttributeRef } from '../../client/api';
import type { Schema } from '../yaml/schema';

export interface SuiteAttribute {
  readonly obis: string;
  readonly class: number;
  readonly attribute: number;
}

export const ATTRIBUTE_PROPERTIES: Readonly<Record<keyof SuiteAttribute, Schema>> = {
  obis: { type: 'string', format: 'obis', description: 'logical name, A-B:C.D.E.F' },
  class: { type: 'integer', minimum: 0, maximum: 65535, description: 'class_id' },
  attribute: { type: 'integer', minimum: 1, maximum: 127, description: 'attribute index' },
};

export const ATTRIBUTE_REQUIRED = ['obis', 'class', 'attribute'] as const;

export function attributeRef(a: SuiteAttribute): AttributeRef {
  return { classId: a.class, obis: a.obis, attribute: a.attribute };
}
