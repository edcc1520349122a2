/**
 * COSEM Data values written in a meter definition (`{ type: double-long-unsigned, value: 12345 }`
 * and the other forms of dlms/axdr/literal.ts), read strictly: every key is checked, and every
 * error points at the offending YAML node.
 */
import type { Data } from '../../dlms/axdr/data';
import { dataFromLiteral, isLiteralError } from '../../dlms/axdr/literal';
import type { Cursor } from '../../config/yaml-cursor';

/** Reads one Data value; every error points at the offending YAML node. */
export function dataFromYaml(c: Cursor): Data {
  try {
    return dataFromLiteral(c.plain(), { strict: true });
  } catch (e) {
    if (isLiteralError(e)) c.at(e.path).fail(e.problem);
    throw e;
  }
}
