/**
 * The TypeScript type of the values a schema admits, computed from the schema itself (written
 * `as const`), so a step declares its arguments once: the schema is checked at load time and the
 * type the step's `run` receives is derived from it. Covers the part of JSON Schema our Schema
 * type allows; a schema not written as a literal (a shared one typed `Schema`) gives `unknown`.
 */

import type { Schema } from './schema';

declare const TYPED: unique symbol;

/**
 * A shared schema that carries the type of its values (`typedSchema<T>(schema)`): a piece several
 * steps use (an attribute reference, a data literal, an association) is typed once, beside its
 * schema, and every step schema that includes it derives that type.
 */
export type TypedSchema<T> = Schema & { readonly [TYPED]: T };

export function typedSchema<T>(schema: Schema): TypedSchema<T> {
  return schema as TypedSchema<T>;
}

type Props = Readonly<Record<string, unknown>>;

type RequiredKeys<S> = S extends { readonly required: readonly (infer R)[] } ? R : never;

type ObjectOf<S> = S extends { readonly properties: infer P extends Props }
  ? { readonly [K in keyof P & RequiredKeys<S>]-?: FromSchema<P[K]> } & { readonly [K in Exclude<keyof P, RequiredKeys<S>>]?: FromSchema<P[K]> } & ExtraOf<S>
  : ExtraOf<S> extends Record<string, never>
    ? Readonly<Record<string, unknown>>
    : ExtraOf<S>;

type ExtraOf<S> = S extends { readonly additionalProperties: infer A } ? (A extends false ? unknown : Readonly<Record<string, FromSchema<A>>>) : unknown;

export type FromSchema<S> = S extends { readonly [TYPED]: infer T }
  ? T
  : S extends { readonly const: infer C }
    ? C
    : S extends { readonly enum: readonly (infer E)[] }
      ? E
      : S extends { readonly anyOf: readonly (infer B)[] }
        ? FromSchema<B>
        : S extends { readonly type: 'object' }
          ? ObjectOf<S>
          : S extends { readonly type: 'array'; readonly items: infer I }
            ? readonly FromSchema<I>[]
            : S extends { readonly type: 'array' }
              ? readonly unknown[]
              : S extends { readonly type: 'string' }
                ? string
                : S extends { readonly type: 'integer' | 'number' }
                  ? number
                  : S extends { readonly type: 'boolean' }
                    ? boolean
                    : unknown;
