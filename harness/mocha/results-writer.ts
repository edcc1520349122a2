/**
 * allure's FileSystemWriter without an fsync per file. Allure writes each result, container and
 * attachment to a temporary file, fsyncs it and renames it into place: durable against a power
 * cut while a report server watches the folder. dlmsct reads its results after the run, on the
 * same machine (the report, the summary, the batch table), so the fsyncs bought nothing here and
 * cost most of a batch's time: a meter writes about a hundred files, and on a busy disk each fsync
 * takes milliseconds. The same files with the same content, written in place; the files written
 * once a run (environment, categories, globals) are left to allure's own writer.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TestResult, TestResultContainer } from 'allure-js-commons';

/** allure's Writer (allure-js-commons/sdk/reporter), as far as the reporter calls it. */
interface Writer {
  writeResult(result: TestResult): void;
  writeGroup(result: TestResultContainer): void;
  writeAttachment(distFileName: string, content: Buffer): void;
  writeAttachmentFromPath(distFileName: string, from: string): void;
  writeEnvironmentInfo(info: unknown): void;
  writeCategoriesDefinitions(categories: unknown): void;
  writeGlobals(distFileName: string, info: unknown): void;
}

function allureWriter(dir: string): Writer {
  // A subpath export, which this project's module resolution does not type: loaded at run time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { FileSystemWriter } = require('allure-js-commons/sdk/reporter') as { FileSystemWriter: new (c: { resultsDir: string }) => Writer };
  return new FileSystemWriter({ resultsDir: dir });
}

export class ResultsWriter implements Writer {
  private made = false;
  private readonly allure: Writer;

  constructor(private readonly dir: string) {
    this.allure = allureWriter(dir);
  }

  writeAttachment(distFileName: string, content: Buffer): void {
    fs.writeFileSync(this.file(distFileName), content);
  }

  writeAttachmentFromPath(distFileName: string, from: string): void {
    fs.copyFileSync(from, this.file(distFileName));
  }

  writeGroup(result: TestResultContainer): void {
    fs.writeFileSync(this.file(`${result.uuid}-container.json`), JSON.stringify(result), 'utf-8');
  }

  writeResult(result: TestResult): void {
    fs.writeFileSync(this.file(`${result.uuid}-result.json`), JSON.stringify(result), 'utf-8');
  }

  writeEnvironmentInfo(info: unknown): void {
    this.allure.writeEnvironmentInfo(info);
  }

  writeCategoriesDefinitions(categories: unknown): void {
    this.allure.writeCategoriesDefinitions(categories);
  }

  writeGlobals(distFileName: string, info: unknown): void {
    this.allure.writeGlobals(distFileName, info);
  }

  private file(name: string): string {
    if (!this.made) {
      fs.mkdirSync(this.dir, { recursive: true });
      this.made = true;
    }
    return path.join(this.dir, name);
  }
}
