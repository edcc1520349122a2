/**
 * Which suite files a command loads: every file under suites/ by default, `--suites DIR|FILE` for
 * one's own folder or file, and `--suite` either a glob over suite names or a path to a suite
 * file of one's own (then that file alone, whatever its name).
 */
import * as fs from 'node:fs';
import { SUITES_DIR } from '../paths';
import { findSuiteFiles, loadSuites } from '../suite/load';
import type { SuiteDef } from '../suite/types';
import { UsageError } from './io';

export interface SuiteSelection {
  readonly suites: SuiteDef[];
  /** What is left to filter by name: the glob, unless `--suite` named a file. */
  readonly glob?: string;
}

export function selectSuites(values: { readonly suites?: string | undefined; readonly suite?: string | undefined }): SuiteSelection {
  if (values.suite !== undefined && isSuiteFile(values.suite)) {
    if (!fs.existsSync(values.suite)) throw new UsageError(`--suite ${values.suite}: no such file`);
    return { suites: loadSuites([values.suite]) };
  }
  const root = values.suites ?? SUITES_DIR;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(root);
  } catch {
    throw new UsageError(`--suites ${root}: no such file or folder`);
  }
  const suites = loadSuites(stat.isDirectory() ? findSuiteFiles(root) : [root]);
  return { suites, ...(values.suite === undefined ? {} : { glob: values.suite }) };
}

/** A path rather than a suite name: it ends in .yaml/.yml, or a file of that name exists. */
function isSuiteFile(value: string): boolean {
  return /\.ya?ml$/i.test(value) || (fs.existsSync(value) && fs.statSync(value).isFile());
}
