/**
 * Certification mode (DESIGN.md, Verdicts): a run whose result may be shown to a third party,
 * so every case of every shipped suite runs and every verdict stands. Known deviations, case
 * selection, another suites folder and `--quick` (long timer cases skipped) would each let a run look greener than the device is:
 * all are refused up front, with exit 2, before anything is sent to the device.
 */
import { ConfigError } from '../../config/error';
import { placeAtPath } from '../yaml/schema';
import { readYamlFile } from '../../config/yaml-source';
import { UsageError } from './io';

/** The command-line options certification refuses, and why each would weaken the run. */
const REFUSED = {
  suite: 'selects suites',
  case: 'selects cases',
  tag: 'selects cases',
  suites: 'replaces the shipped suites',
  deviations: 'turns known failures into expected ones',
  quick: 'skips the long timer cases',
} as const;

export function refuseInCertification(values: Readonly<Partial<Record<keyof typeof REFUSED, string | boolean>>>): void {
  // A flag left at its default (false) was not given.
  const given = (Object.keys(REFUSED) as (keyof typeof REFUSED)[]).filter((k) => values[k] !== undefined && values[k] !== false);
  if (!given.length) return;
  const what = given.map((k) => `--${k} (${REFUSED[k]})`).join(', ');
  throw new UsageError(`--certification runs every case of every suite and lets every verdict stand; it refuses ${what}`);
}

/** A profile naming a deviations file is refused at the `deviations:` key. */
export function refuseProfileDeviations(profileFile: string): never {
  const src = readYamlFile(profileFile);
  throw ConfigError.at(
    placeAtPath(src, ['deviations']),
    'CERTIFICATION_DEVIATIONS',
    'no deviations: in a profile run with --certification (certification lets every verdict stand)',
    'a deviations file',
  );
}
