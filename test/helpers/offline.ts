/**
 * Lints the bundled examples with every network and process module replaced by one that throws,
 * and fetch removed: proof that the engine reaches for neither. Prints the finding count.
 */
import Module from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as RulesModule from '../../server/src/rules';

const FORBIDDEN = new Set(['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'child_process', 'worker_threads']);
const moduleWithLoad = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const load = moduleWithLoad._load;
moduleWithLoad._load = (request: string, ...rest: unknown[]) => {
  if (FORBIDDEN.has(request.replace(/^node:/, ''))) throw new Error(`the engine loaded ${request}`);
  return load(request, ...rest);
};
globalThis.fetch = () => {
  throw new Error('the engine called fetch');
};

// Loaded after the stubs are in place.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lintText } = require('../../server/src/rules') as typeof RulesModule;
const examples = join(__dirname, '..', '..', 'examples');
let findings = 0;
findings += lintText('policy', readFileSync(join(examples, 'SECURITY.md'), 'utf8')).findings.length;
findings += lintText('compose', readFileSync(join(examples, 'compose.yaml'), 'utf8')).findings.length;
process.stdout.write(`${findings}\n`);
