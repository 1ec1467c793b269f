// The extensionTestsPath module: VS Code loads it in the extension host and awaits run().
// scripts/e2e/build-suite.mjs bundles it with mocha (mocha 12 is ESM and needs Node >= 20.19,
// which Electron's Node may not be) into dist/test/e2e/suite/, beside the *.test.js files.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

// The reporters log format strings ('%s%s', ...); the web workbench forwards console arguments
// joined, not formatted, so format here.
Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    // The output goes through the extension host's console to a terminal or a browser page.
    color: false,
    timeout: 30_000,
    // A failed run must say what failed, not stop at the first failure.
    bail: false,
  });
  const grep = process.env.SECPOLICY_E2E_GREP;
  if (grep) mocha.grep(grep);
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const name of files) mocha.addFile(join(__dirname, name));
  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      reject(new Error(`no *.test.js files in ${__dirname}`));
      return;
    }
    const runner = mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} real-editor test(s) failed`));
      else if (runner.stats?.passes === 0) reject(new Error('no real-editor test ran'));
      else resolve();
    });
  });
}
