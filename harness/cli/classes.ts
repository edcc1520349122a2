/**
 * `dlmsct classes [--json] [--class ID]`: what the interface-class catalogue knows (id, version,
 * name, Blue Book clause, attributes with types, methods with parameter types), so a user can see
 * which of a meter's objects the object checks can judge.
 */
import { CATALOGUE, catalogueCoverage, formatClass } from '../../dlms/cosem/catalogue/catalogue';
import { EXIT, type Io, UsageError, parse } from './io';

export async function classesCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { json: { type: 'boolean', default: false }, class: { type: 'string' } });
  const only = values.class === undefined ? undefined : Number(values.class);
  if (only !== undefined && !Number.isInteger(only)) throw new UsageError(`--class expects a class id, got "${values.class}"`);
  const classes = CATALOGUE.filter((c) => only === undefined || c.classId === only);
  if (values.json) {
    io.out(`${JSON.stringify({ coverage: catalogueCoverage(), classes }, null, 2)}\n`);
    return EXIT.ok;
  }
  for (const c of classes) {
    io.out(`${formatClass(c)}  Blue Book ${c.clause}${c.provisional ? '  (provisional)' : ''}\n`);
    for (const a of c.attributes) io.out(`  attribute ${String(a.index).padStart(2)} ${a.name}: ${a.type}${a.static ? ' (static)' : ''}\n`);
    for (const m of c.methods) io.out(`  method    ${String(m.index).padStart(2)} ${m.name}${m.parameter ? `(${m.parameter})` : '()'}\n`);
  }
  const k = catalogueCoverage();
  io.out(`${k.classIds} class ids, ${k.versions} class versions, ${k.attributes} attributes, ${k.methods} methods\n`);
  return EXIT.ok;
}
