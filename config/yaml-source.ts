/**
 * A YAML file parsed with positions: every node can say where it starts, as `file:line:col`.
 * Syntax errors (and duplicate keys, which YAML 1.2 forbids) become located ConfigErrors here,
 * so nothing above this ever sees a half-parsed document.
 */
import * as fs from 'node:fs';
import { type Document, LineCounter, type Node, isNode, parseDocument } from 'yaml';
import { ConfigError, type Place } from './error';

export interface YamlSource {
  readonly file: string;
  readonly doc: Document.Parsed;
  /** The root node; `null` for an empty document. */
  readonly root: Node | null;
  placeAt(offset: number): Place;
  /** Where a node starts; a missing node falls back to `fallback` (the parent or the key). */
  placeOf(node: unknown, fallback?: Place): Place;
}

export function parseYaml(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, keepSourceTokens: false });
  const placeAt = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col };
  };
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0] ?? lineCounter.linePos(first.pos[0]);
    const code = first.code === 'DUPLICATE_KEY' ? 'YAML_DUPLICATE_KEY' : 'YAML_SYNTAX';
    const expected = code === 'YAML_DUPLICATE_KEY' ? 'each key once in a mapping' : 'well-formed YAML';
    throw new ConfigError(code, file, pos.line, pos.col, expected, firstLine(first.message));
  }
  const root = isNode(doc.contents) ? doc.contents : null;
  return {
    file,
    doc,
    root,
    placeAt,
    placeOf(node, fallback) {
      if (isNode(node) && node.range) return placeAt(node.range[0]);
      return fallback ?? { file, line: 1, col: 1 };
    },
  };
}

export function readYamlFile(file: string): YamlSource {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError('FILE_UNREADABLE', file, 1, 1, 'a readable YAML file', e instanceof Error ? e.message : String(e));
  }
  return parseYaml(text, file);
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
