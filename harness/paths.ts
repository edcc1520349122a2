/**
 * Where the package's own files are (suites/, schemas/, allurerc.mjs, node_modules/): this file
 * sits at harness/ in the sources and at dist/harness/ when compiled (bin/dlmsct.js runs dist/).
 */
import * as path from 'node:path';

const HERE = path.resolve(__dirname, '..');
export const REPO_ROOT = path.basename(HERE) === 'dist' ? path.dirname(HERE) : HERE;
export const SUITES_DIR = path.join(REPO_ROOT, 'suites');
