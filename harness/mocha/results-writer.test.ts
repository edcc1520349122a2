import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TestResult, TestResultContainer } from 'allure-js-commons';
import { ResultsWriter } from './results-writer';

// allure's own writer, for comparison (a subpath export: loaded at run time, as results-writer.ts does).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FileSystemWriter } = require('allure-js-commons/sdk/reporter') as { FileSystemWriter: new (c: { resultsDir: string }) => ResultsWriter };

function tree(dir: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'latin1')]));
}

describe('the results writer', () => {
  it("writes the same files with the same content as allure's, without its temporary files", () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-writer-'));
    const source = path.join(base, 'source.bin');
    fs.writeFileSync(source, Buffer.from([0, 1, 2, 0xff]));
    const write = (w: ResultsWriter): void => {
      w.writeResult({ uuid: 'r1', name: 'case', status: 'passed' } as TestResult);
      w.writeGroup({ uuid: 'c1', children: ['r1'] } as unknown as TestResultContainer);
      w.writeAttachment('a-attachment.txt', Buffer.from('frame trace\n'));
      w.writeAttachmentFromPath('b-attachment.bin', source);
      w.writeEnvironmentInfo({ os: 'linux' });
    };
    const ours = path.join(base, 'ours');
    const theirs = path.join(base, 'theirs');
    write(new ResultsWriter(ours));
    write(new FileSystemWriter({ resultsDir: theirs }));
    expect(tree(ours)).to.deep.equal(tree(theirs));
    expect(Object.keys(tree(ours))).to.have.length(5);
    fs.rmSync(base, { recursive: true, force: true });
  });
});
