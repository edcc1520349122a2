/**
 * A typed walk over a YAML document parsed with positions (yaml-source.ts, the one parse that
 * suites, profiles and meter definitions share), so a mistake in a meter definition is reported
 * as `file:line:col: what was expected, what was found` (DESIGN.md: load-time errors name the
 * place). The meter loader reads the definition only through this cursor; it never touches raw
 * `yaml` nodes.
 */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Place } from './error';
import { parseYaml, type YamlSource } from './yaml-source';

export class MeterDefinitionError extends Error {
  override readonly name = 'MeterDefinitionError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly col: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}:${col}: ${problem}`);
  }
}

export class Cursor {
  constructor(
    private readonly src: YamlSource,
    private readonly node: Node | null | undefined,
    /** Where to point when the node itself is absent (a missing key points at its map). */
    private readonly fallback: Place = { file: src.file, line: 1, col: 1 },
    readonly path = '',
  ) {}

  /** A cursor at the root of `text`; a YAML syntax error is a located ConfigError. */
  static parse(text: string, file: string): Cursor {
    const src = parseYaml(text, file);
    return new Cursor(src, src.root);
  }

  get file(): string {
    return this.src.file;
  }

  get where(): { line: number; col: number } {
    const { line, col } = this.src.placeOf(this.node, this.fallback);
    return { line, col };
  }

  fail(problem: string): never {
    const { line, col } = this.where;
    throw new MeterDefinitionError(this.file, line, col, this.path ? `${this.path}: ${problem}` : problem);
  }

  get present(): boolean {
    return this.node !== null && this.node !== undefined && !(isScalar(this.node) && this.node.value === null);
  }

  private describe(): string {
    if (!this.present) return 'nothing';
    if (isMap(this.node)) return 'a mapping';
    if (isSeq(this.node)) return 'a list';
    if (isScalar(this.node)) return JSON.stringify(this.node.value);
    return 'an unknown node';
  }

  private child(node: Node | null | undefined, name: string): Cursor {
    const path = this.path ? `${this.path}.${name}` : name;
    return new Cursor(this.src, node, this.src.placeOf(this.node, this.fallback), path);
  }

  private pairs(): readonly Pair[] {
    if (!isMap(this.node)) this.fail(`expected a mapping, got ${this.describe()}`);
    return this.node.items as readonly Pair[];
  }

  /** The mapping's keys in order; fails on anything but a mapping with scalar keys. */
  keys(): readonly string[] {
    return this.pairs().map((p) => {
      if (!isScalar(p.key)) this.fail('expected plain keys');
      return String(p.key.value);
    });
  }

  /** Fails on any key not in `allowed`: a misspelt key must not be silently ignored. */
  only(allowed: readonly string[]): this {
    for (const p of this.pairs()) {
      const key = isScalar(p.key) ? String(p.key.value) : '?';
      if (!allowed.includes(key)) {
        this.child(p.key as Node, key).fail(`unknown key ${JSON.stringify(key)}; expected one of ${allowed.join(', ')}`);
      }
    }
    return this;
  }

  /** The value under `key`; absent keys give a cursor whose `present` is false. */
  get(key: string): Cursor {
    const pair = this.pairs().find((p) => isScalar(p.key) && String(p.key.value) === key);
    return this.child(pair?.value as Node | undefined, key);
  }

  need(key: string): Cursor {
    const c = this.get(key);
    if (!c.present) this.fail(`missing required key ${JSON.stringify(key)}`);
    return c;
  }

  entries(): readonly [string, Cursor][] {
    return this.pairs().map((p) => {
      const key = isScalar(p.key) ? String(p.key.value) : '?';
      return [key, this.child(p.value as Node | undefined, key)];
    });
  }

  items(): readonly Cursor[] {
    if (!isSeq(this.node)) this.fail(`expected a list, got ${this.describe()}`);
    return this.node.items.map((n, i) => this.child(n as Node, `[${i}]`));
  }

  /** The node as plain data (maps as objects), for converters that report a path, not a place. */
  plain(): unknown {
    return plainOf(this.node);
  }

  /** The node at `path` (keys and list indexes) below this one, to locate a path-reported error. */
  at(path: readonly (string | number)[]): Cursor {
    return path.reduce<Cursor>((c, p) => (typeof p === 'number' ? (c.items()[p] ?? c) : c.get(p)), this);
  }

  isMap(): boolean {
    return isMap(this.node);
  }

  isSeq(): boolean {
    return isSeq(this.node);
  }

  isString(): boolean {
    return isScalar(this.node) && typeof this.node.value === 'string';
  }

  private scalar(): unknown {
    if (!isScalar(this.node)) this.fail(`expected a scalar, got ${this.describe()}`);
    return this.node.value;
  }

  string(): string {
    const v = this.scalar();
    if (typeof v !== 'string') this.fail(`expected a string, got ${this.describe()}`);
    return v;
  }

  number(): number {
    const v = this.scalar();
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(`expected a number, got ${this.describe()}`);
    return v;
  }

  int(min: number, max: number): number {
    const v = this.number();
    if (!Number.isInteger(v) || v < min || v > max) this.fail(`expected an integer in ${min}..${max}, got ${v}`);
    return v;
  }

  boolean(): boolean {
    const v = this.scalar();
    if (typeof v !== 'boolean') this.fail(`expected true or false, got ${this.describe()}`);
    return v;
  }

  oneOf<T extends string>(allowed: readonly T[]): T {
    const v = this.string();
    if (!(allowed as readonly string[]).includes(v)) this.fail(`expected one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`);
    return v as T;
  }

  /** Integer or bigint scalar (64-bit values in YAML may be written as strings). */
  bigint(min: bigint, max: bigint): bigint {
    const v = this.scalar();
    let n: bigint;
    if (typeof v === 'number' && Number.isInteger(v)) n = BigInt(v);
    else if (typeof v === 'string' && /^-?\d+$/.test(v)) n = BigInt(v);
    else this.fail(`expected an integer, got ${this.describe()}`);
    if (n < min || n > max) this.fail(`expected an integer in ${min}..${max}, got ${n}`);
    return n;
  }
}

/** Maps, lists and scalar values only: anything else (an alias) becomes a value no converter accepts. */
function plainOf(node: unknown): unknown {
  if (isMap(node)) return Object.fromEntries((node.items as readonly Pair[]).map((p) => [isScalar(p.key) ? String(p.key.value) : '?', plainOf(p.value)]));
  if (isSeq(node)) return node.items.map(plainOf);
  if (isScalar(node)) return node.value;
  return node === null || node === undefined ? null : Symbol('unsupported YAML node');
}
