/**
 * Loads suites: YAML with positions → the suite schema → each step's key looked up in the
 * registry and its arguments checked against that step's schema, all located. Case ids are
 * unique across every suite loaded together.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, isSeq } from 'yaml';
import { ConfigError, type Place } from '../../config/error';
import { getStep, listSteps } from '../steps/registry';
import { describeNode, placeAtPath } from '../yaml/schema';
import { shippedSchema } from '../yaml/json-schema';
import type * as ValidateModule from '../yaml/validate';
import { cachedSuite } from './cache';
import { parseYaml, readYamlFile, type YamlSource } from '../../config/yaml-source';
import type { CaseDef, CaseOrder, ForEach, Needs, Requires, StepCall, SuiteDef } from './types';

export function loadSuite(file: string): SuiteDef {
  return cachedSuite(file, (f) => suiteFrom(readYamlFile(f)));
}

export function parseSuite(text: string, file: string): SuiteDef {
  return suiteFrom(parseYaml(text, file));
}

/** Loads several suites and refuses a case id used twice (ids are how results are compared over time). */
export function loadSuites(files: readonly string[]): SuiteDef[] {
  return checkUniqueIds(files.map(loadSuite));
}

export function checkUniqueIds(suites: SuiteDef[]): SuiteDef[] {
  const seen = new Map<string, Place>();
  for (const s of suites) {
    for (const c of s.cases) {
      const first = seen.get(c.id);
      if (first) {
        throw ConfigError.at(
          c.place,
          'CASE_DUPLICATE_ID',
          `a case id used once (${c.id} is already at ${first.file}:${first.line}:${first.col})`,
          JSON.stringify(c.id),
        );
      }
      seen.set(c.id, c.place);
    }
  }
  return suites;
}

/** Every `*.yaml` below `root`, sorted, so runs are in a stable order. */
export function findSuiteFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.yaml') || e.name.endsWith('.yml')) out.push(p);
    }
  };
  walk(root);
  return out;
}

interface RawCase {
  id: string;
  title: string;
  spec: string;
  requirement: string;
  sn?: { spec: string; requirement: string };
  detects: (string | { fault: string; step: number })[];
  tags?: string[];
  requires?: Requires;
  needs?: Needs;
  forEach?: ForEach;
  order?: CaseOrder;
}

function suiteFrom(src: YamlSource): SuiteDef {
  // Every step registers itself, and the validator loads ajv: both only here, not at the top, so
  // that a suite read from the cache (cache.ts) needs neither.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../steps');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { validateNode } = require('../yaml/validate') as typeof ValidateModule;
  checkStepNames(src);
  validateNode(src, src.root, shippedSchema('suite'), src.placeOf(src.root));
  const raw = src.doc.toJS() as { suite: string; title: string; spec: string; requires?: Requires; needs?: Needs; order?: CaseOrder; cases: RawCase[] };
  const casesNode = isMap(src.root) ? src.root.get('cases', true) : undefined;
  const cases = raw.cases.map((c, i): CaseDef => {
    const caseNode = isSeq(casesNode) ? casesNode.items[i] : undefined;
    const place = src.placeOf(caseNode);
    const stepsNode = isMap(caseNode) ? caseNode.get('steps', true) : undefined;
    const steps = isSeq(stepsNode) ? stepsNode.items.map((n) => stepFrom(src, n, c, place)) : [];
    const detectsAt: Record<string, number> = {};
    c.detects.forEach((d, k) => {
      if (typeof d === 'string') return;
      if (d.step > steps.length) {
        const detectsNode = isMap(caseNode) ? caseNode.get('detects', true) : undefined;
        const entry = isSeq(detectsNode) ? detectsNode.items[k] : undefined;
        throw ConfigError.at(src.placeOf(entry, place), 'DETECTS_STEP_RANGE', `a step of the case (1..${steps.length})`, `step ${d.step} for ${d.fault}`);
      }
      detectsAt[d.fault] = d.step;
    });
    return {
      id: c.id,
      title: c.title,
      spec: c.spec,
      requirement: c.requirement,
      ...(c.sn ? { sn: c.sn } : {}),
      detects: c.detects.map((d) => (typeof d === 'string' ? d : d.fault)),
      detectsAt,
      tags: c.tags ?? [],
      requires: { ...(raw.requires ?? {}), ...(c.requires ?? {}) },
      ...(raw.needs || c.needs ? { needs: mergeNeeds(raw.needs, c.needs) } : {}),
      ...(c.forEach ? { forEach: c.forEach } : {}),
      ...((c.order ?? raw.order) ? { order: c.order ?? raw.order } : {}),
      steps,
      suite: raw.suite,
      place,
    };
  });
  return { suite: raw.suite, title: raw.title, spec: raw.spec, requires: raw.requires ?? {}, cases, file: src.file };
}

/** A suite's needs and its case's: lists join; a single value (the security suite) is the case's when it says one. */
function mergeNeeds(a: Needs | undefined, b: Needs | undefined): Needs {
  const out: Record<string, unknown> = {};
  for (const n of [a, b]) {
    for (const [k, v] of Object.entries(n ?? {})) out[k] = Array.isArray(v) ? [...((out[k] as unknown[] | undefined) ?? []), ...(v as unknown[])] : v;
  }
  return out as Needs;
}

/**
 * A step named wrong is reported at its name, with the steps there are, before the schema (whose
 * alternatives, one per step, could only say that none fits).
 */
function checkStepNames(src: YamlSource): void {
  const cases = isMap(src.root) ? src.root.get('cases', true) : undefined;
  if (!isSeq(cases)) return;
  for (const c of cases.items) {
    const steps = isMap(c) ? c.get('steps', true) : undefined;
    if (!isSeq(steps)) continue;
    for (const step of steps.items) {
      const key = isMap(step) && step.items.length === 1 ? step.items[0]!.key : undefined;
      if (!isScalar(key) || getStep(String(key.value))) continue;
      throw ConfigError.at(
        src.placeOf(key),
        'STEP_UNKNOWN',
        `a step: ${listSteps()
          .map((s) => s.name)
          .join(', ')}`,
        JSON.stringify(String(key.value)),
      );
    }
  }
}

function stepFrom(src: YamlSource, node: unknown, c: RawCase, casePlace: Place): StepCall {
  // The shape (a single-key mapping), the name and the arguments were checked with the suite.
  if (!isMap(node)) throw ConfigError.at(src.placeOf(node, casePlace), 'CONFIG_TYPE', 'a step', describeNode(node));
  const pair = node.items[0]!;
  const keyPlace = src.placeOf(pair.key, casePlace);
  const name = isScalar(pair.key) ? String(pair.key.value) : '';
  const def = getStep(name)!;
  const args = (isMap(pair.value) ? pair.value.toJS(src.doc) : {}) as Record<string, unknown>;
  const problem = def.crossCheck?.(args, c.forEach ? { forEach: c.forEach } : {});
  if (problem) {
    const p = problem.path.length && isMap(pair.value) ? placeAtPath(src, problem.path, pair.value) : keyPlace;
    throw ConfigError.at(p, problem.code, problem.expected, problem.actual);
  }
  return { name, args, place: keyPlace };
}
