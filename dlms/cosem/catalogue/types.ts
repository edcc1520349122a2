/**
 * The shape of one interface class in the catalogue (Blue Book, DLMS UA 1000-1): its id and
 * version, its attributes and methods by index, their types in the type language of
 * type-spec.ts. Access rights are not here: the Blue Book leaves them to each association's
 * object list (Association LN attribute 2), so a profile or the DUT says them.
 */
export interface AttributeDef {
  readonly index: number;
  /** As the Blue Book spells it: `logical_name`, `scaler_unit`, `capture_objects`. */
  readonly name: string;
  /** A type-spec (type-spec.ts): `long-unsigned`, `structure{scaler: integer, unit: enum}`, `any`. */
  readonly type: string;
  /** The Blue Book's "static" attributes: configuration, not measured values. */
  readonly static?: boolean;
  /** Access selectors the Blue Book defines for this attribute (Profile generic buffer: 1, 2). */
  readonly selectors?: readonly number[];
}

export interface MethodDef {
  readonly index: number;
  readonly name: string;
  /** A type-spec of the invocation parameter; absent when the method takes none. */
  readonly parameter?: string;
}

export interface InterfaceClassDef {
  readonly classId: number;
  readonly version: number;
  readonly name: string;
  /** Where the Blue Book specifies it (DLMS UA 1000-1 Ed. 12 numbering). */
  readonly clause: string;
  readonly attributes: readonly AttributeDef[];
  readonly methods: readonly MethodDef[];
  /**
   * Set where no public source confirmed the attribute list (newer communication profiles):
   * a meter that differs is reported as a remark, not a failure (docs/decisions/class-catalogue.md).
   */
  readonly provisional?: true;
}
