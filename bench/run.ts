/**
 * secpolicy benchmark: `npm run bench`. Prints measurements side by side and their ratios;
 * it never passes or fails. Sections: engine vs parse floor, scaling, CLI vs peer linters,
 * language server latency and memory, package size.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildSync } from 'esbuild';
import { parseDocument } from 'yaml';
import { lintParsed, lintText } from '../server/src/rules';
import type { DocumentKind } from '../server/src/core/types';
import type { LintResult } from '../server/src/engine/lint';
import { readAfresh } from '../server/src/core/memo';
import { parseWholeMarkdown } from '../server/src/formats/markdown';
import { parsePolicy } from '../server/src/formats/policy/parse';
import {
  DidChangeTextDocumentNotification,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { SERVER_EXEC_ARGV } from '../common/protocol';
import { TestClient, fileUri } from '../test/helpers/lsp-client';
import {
  composeCredentials,
  dotenvChain,
  policyAddresses,
  syntheticCompose,
  syntheticDotenv,
  syntheticPolicy,
  syntheticSecurityTxt,
} from './synthetic';

const ROOT = join(__dirname, '..');
const SHARED = join(ROOT, '..', 'shared');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
const median = (values: number[]) => quantile(values, 0.5);
const ms = (value: number) => `${value.toFixed(value < 10 ? 3 : 1)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

function table(header: string[], rows: string[][]): void {
  const widths = header.map((cell, index) => Math.max(cell.length, ...rows.map((row) => row[index].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, index) => cell.padEnd(widths[index])).join(' | ')} |`;
  console.log(line(header));
  console.log(`| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`);
  for (const row of rows) console.log(line(row));
  console.log('');
}

/** Times `work` `runs` times after a warm-up, interleaving nothing else; returns each duration in ms. */
function time(work: () => void, runs: number): number[] {
  for (let i = 0; i < Math.min(5, runs); i++) work();
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    durations.push(performance.now() - start);
  }
  return durations;
}

/**
 * The parser alone. A policy is parsed whole here, and linted below from a whole parse too, with
 * nothing kept from one run to the next (readAfresh): the section cache, the model's memos and the
 * credential estimates would otherwise make the repeated runs of one text measure cache hits.
 */
function parseFloor(kind: DocumentKind, text: string): void {
  if (kind === 'policy') parseWholeMarkdown(text);
  else parseDocument(text);
}

function lintFromScratch(kind: DocumentKind, text: string): LintResult {
  return readAfresh(() =>
    kind === 'policy' ? lintParsed(parsePolicy(text, parseWholeMarkdown)) : lintText(kind, text),
  );
}

function corpusFiles(): { name: string; kind: DocumentKind; text: string }[] {
  const folders: [string, DocumentKind][] = [
    ['corpus/compose', 'compose'],
    ['corpus/security-md', 'policy'],
    ['seeds', 'policy'],
  ];
  const files: { name: string; kind: DocumentKind; text: string }[] = [];
  for (const [folder, kind] of folders) {
    const path = join(SHARED, folder);
    if (!existsSync(path)) continue;
    for (const name of readdirSync(path).filter((entry) => /\.(md|ya?ml)$/.test(entry))) {
      files.push({ name: `${folder}/${name}`, kind, text: readFileSync(join(path, name), 'utf8') });
    }
  }
  return files;
}

function engineVersusParse(): void {
  console.log('## 1. Engine vs parse floor (same process, per file; lint includes its own parse)\n');
  const files = corpusFiles();
  files.push(
    { name: 'synthetic compose, 1,000 services', kind: 'compose', text: syntheticCompose(1000) },
    { name: 'synthetic policy, 200 KB', kind: 'policy', text: syntheticPolicy(200 * 1024) },
  );
  if (files.length === 2) console.log('(../shared/corpus is absent: synthetic files only)\n');
  const rows: string[][] = [];
  const byKind = new Map<DocumentKind, { lint: number; parse: number; p99: number[]; count: number }>();
  const perFile: { name: string; ratio: number; lint: number; parse: number }[] = [];
  for (const file of files) {
    if (lintText(file.kind, file.text).skipped) continue;
    const runs = file.text.length > 100_000 ? 15 : 60;
    const parse = time(() => parseFloor(file.kind, file.text), runs);
    const lint = time(() => lintFromScratch(file.kind, file.text), runs);
    const entry = byKind.get(file.kind) ?? { lint: 0, parse: 0, p99: [], count: 0 };
    entry.lint += median(lint);
    entry.parse += median(parse);
    entry.p99.push(quantile(lint, 0.99) / quantile(parse, 0.99));
    entry.count++;
    byKind.set(file.kind, entry);
    perFile.push({ name: file.name, ratio: median(lint) / median(parse), lint: median(lint), parse: median(parse) });
  }
  for (const [kind, entry] of byKind) {
    rows.push([
      kind,
      String(entry.count),
      ratio(entry.lint, entry.parse),
      `${median(entry.p99).toFixed(2)}×`,
      ms(entry.lint),
      ms(entry.parse),
    ]);
  }
  table(['kind', 'files', 'lint/parse (sum of medians)', 'median p99 ratio', 'lint total', 'parse total'], rows);
  console.log('Highest ratios:\n');
  table(
    ['file', 'lint/parse', 'lint median', 'parse median'],
    perFile
      .sort((a, b) => b.ratio - a.ratio)
      .slice(0, 5)
      .map((file) => [file.name, `${file.ratio.toFixed(2)}×`, ms(file.lint), ms(file.parse)]),
  );
}

function heapAfter(work: () => unknown): { ms: number; heapMb: number } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const start = performance.now();
  const result = work();
  const elapsed = performance.now() - start;
  const heapMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  if (result === undefined) throw new Error('no result');
  return { ms: elapsed, heapMb };
}

function scaling(): void {
  console.log('## 2. Scaling (time and retained heap against size; slope 1.0 = linear)\n');
  const series: [string, DocumentKind, number[], (size: number) => string][] = [
    ['compose services', 'compose', [100, 1000, 7000, 10000], syntheticCompose],
    ['policy bytes', 'policy', [10 * 1024, 50 * 1024, 250 * 1024, 5 * 1024 * 1024], syntheticPolicy],
    // The worst shapes found for each kind, at ×1, ×2, ×4, ×8: a slope near 2 is a quadratic path.
    ['policy addresses', 'policy', [1000, 2000, 4000, 8000], policyAddresses],
    ['compose credentials', 'compose', [125, 250, 500, 1000], composeCredentials],
    ['.env entries', 'dotenv', [2500, 5000, 10000, 20000], syntheticDotenv],
    ['.env reference chain', 'dotenv', [500, 1000, 2000, 4000], dotenvChain],
    ['security.txt fields', 'securitytxt', [2500, 5000, 10000, 20000], syntheticSecurityTxt],
  ];
  for (const [label, kind, sizes, make] of series) {
    const rows: string[][] = [];
    let previous: { size: number; ms: number } | undefined;
    for (const size of sizes) {
      const text = make(size);
      const skipped = lintText(kind, text).skipped;
      if (skipped) {
        rows.push([
          size.toLocaleString('en'),
          `${(text.length / 1024).toFixed(0)} KB`,
          `skipped: ${skipped}`,
          '—',
          '—',
        ]);
        continue;
      }
      const runs = Array.from({ length: 3 }, () => heapAfter(() => lintFromScratch(kind, text)));
      const best = Math.min(...runs.map((run) => run.ms));
      const heap = median(runs.map((run) => run.heapMb));
      const slope = previous ? (Math.log(best / previous.ms) / Math.log(size / previous.size)).toFixed(2) : '—';
      rows.push([
        size.toLocaleString('en'),
        `${(text.length / 1024).toFixed(0)} KB`,
        ms(best),
        `${heap.toFixed(1)} MB`,
        slope,
      ]);
      previous = { size, ms: best };
    }
    table([label, 'text', 'lint (best of 3)', 'heap during lint', 'slope vs previous'], rows);
  }
}

function processTime(command: string, args: string[], runs = 5): number {
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    spawnSync(command, args, { cwd: ROOT, stdio: 'ignore' });
    durations.push(performance.now() - start);
  }
  return median(durations);
}

function peers(): void {
  console.log('## 3. Whole process, same files: secpolicy CLI vs peer linters (median of 5 runs)\n');
  const compose = join(SHARED, 'corpus', 'compose');
  const policies = join(SHARED, 'corpus', 'security-md');
  if (!existsSync(compose) || !existsSync(policies)) {
    console.log('(../shared/corpus is absent: skipped)\n');
    return;
  }
  const composeFiles = readdirSync(compose).map((name) => join(compose, name));
  const policyFiles = readdirSync(policies).map((name) => join(policies, name));
  const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
  const cli = join(ROOT, 'dist', 'cli.js');
  const ours = processTime(process.execPath, [cli, ...composeFiles]);
  const dclint = processTime(bin('dclint'), composeFiles);
  const oursPolicies = processTime(process.execPath, [cli, ...policyFiles]);
  const markdownlint = processTime(bin('markdownlint-cli2'), policyFiles);
  thisRun.set('dclint', `${ratio(dclint, ours)} (${composeFiles.length} files)`);
  thisRun.set('markdownlint', `${ratio(markdownlint, oursPolicies)} (${policyFiles.length} files)`);
  table(
    ['files', 'secpolicy', 'peer', 'peer time', 'peer / secpolicy'],
    [
      [`${composeFiles.length} compose files`, ms(ours), 'dclint', ms(dclint), ratio(dclint, ours)],
      [
        `${policyFiles.length} policies`,
        ms(oursPolicies),
        'markdownlint-cli2',
        ms(markdownlint),
        ratio(markdownlint, oursPolicies),
      ],
    ],
  );
}

/** Runs a command to its end, reading its peak RSS from /proc while it runs (0 where there is no /proc). */
async function timedProcess(command: string, args: string[]): Promise<{ ms: number; peakMb: number }> {
  const start = performance.now();
  const child = spawn(command, args, { cwd: ROOT, stdio: 'ignore' });
  let peakMb = 0;
  const poll = setInterval(() => {
    try {
      peakMb = Math.max(peakMb, procStatus(child.pid!).peakMb);
    } catch {
      // It exited between two polls.
    }
  }, 20);
  await new Promise((resolve) => child.on('exit', resolve));
  clearInterval(poll);
  return { ms: performance.now() - start, peakMb };
}

/**
 * The CLI over a tree of many packages, each with its own package.json, SECURITY.md and
 * compose.yaml taken in turn from the corpus (synthetic ones without it), at ×1, ×2, ×4, ×8:
 * the time should grow linearly and the peak RSS stay flat.
 */
async function manyFiles(): Promise<void> {
  console.log('## 2b. The CLI over many files (whole process; slope 1.0 = linear)\n');
  const read = (folder: string, pattern: RegExp) => {
    const path = join(SHARED, 'corpus', folder);
    return existsSync(path)
      ? readdirSync(path)
          .filter((name) => pattern.test(name))
          .map((name) => readFileSync(join(path, name), 'utf8'))
      : [];
  };
  const composeTexts = read('compose', /\.ya?ml$/);
  const policyTexts = read('security-md', /\.md$/);
  if (composeTexts.length === 0) composeTexts.push(syntheticCompose(10));
  if (policyTexts.length === 0) policyTexts.push(syntheticPolicy(4 * 1024));
  const cli = join(ROOT, 'dist', 'cli.js');
  const rows: string[][] = [];
  let previous: { packages: number; ms: number } | undefined;
  for (const packages of [250, 500, 1000, 2000]) {
    const root = mkdtempSync(join(tmpdir(), 'secpolicy-many-'));
    try {
      for (let i = 0; i < packages; i++) {
        const folder = join(root, `package-${i}`);
        mkdirSync(folder);
        writeFileSync(join(folder, 'package.json'), `{ "name": "package-${i}", "version": "1.${i}.0" }\n`);
        writeFileSync(join(folder, 'SECURITY.md'), policyTexts[i % policyTexts.length]);
        writeFileSync(join(folder, 'compose.yaml'), composeTexts[i % composeTexts.length]);
      }
      const run = await timedProcess(process.execPath, [
        cli,
        '--format',
        'json',
        '--output',
        join(root, 'out.json'),
        root,
      ]);
      const slope = previous
        ? (Math.log(run.ms / previous.ms) / Math.log(packages / previous.packages)).toFixed(2)
        : '—';
      rows.push([`${packages} × (policy + Compose file)`, ms(run.ms), `${run.peakMb.toFixed(0)} MB`, slope]);
      previous = { packages, ms: run.ms };
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  table(['files', 'whole process', 'peak RSS', 'slope vs previous'], rows);
  thisRun.set(
    'many-files',
    `slopes ${rows
      .map((row) => row[3])
      .filter((slope) => slope !== '—')
      .join(', ')}; peak RSS ${rows.map((row) => row[2]).join(' → ')}`,
  );
}

/** A change that types `text` at `line`, `character`. */
function typing(line: number, character: number, text: string): TextDocumentContentChangeEvent {
  return { range: { start: { line, character }, end: { line, character } }, text };
}

/** A change that deletes the one character at `line`, `character`. */
function deleting(line: number, character: number): TextDocumentContentChangeEvent {
  return { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' };
}

/**
 * didChange → publishDiagnostics with real edits: type a character at the end of a line, then
 * delete it (the text changes with every version), each change awaited before the next.
 */
async function editLatencies(
  client: TestClient,
  uri: string,
  text: string,
  edits: number,
  editedLine: (line: string) => boolean = () => true,
): Promise<number[]> {
  const lines = text.split('\n');
  const candidates = lines.slice(0, -2).flatMap((line, index) => (editedLine(line) ? [index] : []));
  const latencies: number[] = [];
  for (let version = 2; version <= edits + 1; version++) {
    const line = candidates[((version >> 1) * 7919) % candidates.length];
    const end = lines[line].length;
    const start = performance.now();
    await client.change(uri, version, [version % 2 === 0 ? typing(line, end, 'x') : deleting(line, end)]);
    latencies.push(performance.now() - start);
  }
  return latencies;
}

/**
 * A storm: `keys` characters typed at the end of one line, sent back to back as fast as the pipe
 * takes them, timed to the diagnostics of the last version; counts what was published meanwhile.
 */
async function storm(
  client: TestClient,
  uri: string,
  line: number,
  character: number,
  firstVersion: number,
  keys: number,
): Promise<{ ms: number; publishes: number; stale: number }> {
  const before = client.published.length;
  const last = firstVersion + keys - 1;
  const start = performance.now();
  let published: Promise<unknown> = Promise.resolve();
  for (let key = 0; key < keys; key++) {
    const change = typing(line, character + key, 'x');
    if (firstVersion + key === last) published = client.change(uri, last, [change]);
    else {
      void client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: firstVersion + key },
        contentChanges: [change],
      });
    }
  }
  await published;
  const elapsed = performance.now() - start;
  const during = client.published.slice(before).filter((params) => params.uri === uri);
  return { ms: elapsed, publishes: during.length, stale: during.filter((params) => params.version !== last).length };
}

function procStatus(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rssMb: field('VmRSS'), peakMb: field('VmHWM') };
}

/** Milliseconds from spawning a server to the diagnostics of the first document it is sent. */
async function coldStart(args: string[], folder: string): Promise<number> {
  const start = performance.now();
  const client = await TestClient.spawn(process.execPath, args);
  await client.open(fileUri(join(folder, 'SECURITY.md')), '# Security\n');
  const elapsed = performance.now() - start;
  await client.stop();
  return elapsed;
}

/**
 * The floor for a cold start: a server built on the same protocol libraries, bundled the same way,
 * that publishes no diagnostics for every document opened. Written to `folder`; returns its path.
 */
function bareServer(folder: string): string {
  const outfile = join(folder, 'bare-server.js');
  buildSync({
    stdin: {
      contents: `
        const { createConnection, ProposedFeatures, TextDocuments } = require('vscode-languageserver/node');
        const { TextDocument } = require('vscode-languageserver-textdocument');
        const connection = createConnection(ProposedFeatures.all);
        const documents = new TextDocuments(TextDocument);
        connection.onInitialize(() => ({ capabilities: { textDocumentSync: 2 } }));
        documents.onDidOpen(({ document }) =>
          connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] }),
        );
        documents.listen(connection);
        connection.listen();`,
      resolveDir: ROOT,
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    minify: true,
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

async function languageServer(): Promise<void> {
  console.log('## 4. Language server over --stdio (bundled dist/server.js), real edits\n');
  const server = join(ROOT, 'dist', 'server.js');
  const folder = mkdtempSync(join(tmpdir(), 'secpolicy-bench-'));
  try {
    const bare = bareServer(folder);
    const colds: number[] = [];
    const bareColds: number[] = [];
    for (let run = 0; run < 5; run++) {
      colds.push(await coldStart([...SERVER_EXEC_ARGV, server, '--stdio'], folder));
      bareColds.push(await coldStart([...SERVER_EXEC_ARGV, bare, '--stdio'], folder));
    }
    const plainNode = processTime(process.execPath, ['-e', '0']);

    const client = await TestClient.spawn(process.execPath, [...SERVER_EXEC_ARGV, server, '--stdio']);
    client.diagnosticsTimeoutMs = 300_000;
    const rows: string[][] = [];
    const compose = syntheticCompose(500);
    // Typing at the end of any line (a key line too, which mostly breaks the YAML until the next
    // keys), and typing in values, as one mostly does in a Compose file.
    const inValue = (line: string) => /^ {6}[A-Z_]+: /.test(line);
    const documents: [string, string, string, number, ((line: string) => boolean)?][] = [
      ['compose, 5,000 lines, any line', join(folder, 'compose.yaml'), compose, 200],
      ['compose, 5,000 lines, in values', join(folder, 'values', 'compose.yaml'), compose, 200, inValue],
      ['policy, 250 KB', join(folder, 'SECURITY.md'), syntheticPolicy(250 * 1024), 10],
    ];
    const figures = new Map<string, string>();
    for (const [label, path, text, edits, editedLine] of documents) {
      const uri = fileUri(path);
      await client.open(uri, text, path.endsWith('.md') ? 'markdown' : 'yaml');
      const latencies = await editLatencies(client, uri, text, edits, editedLine);
      figures.set(label, `p50 ${ms(median(latencies))}, p95 ${ms(quantile(latencies, 0.95))}`);
      rows.push([
        label,
        String(text.split('\n').length),
        String(edits),
        ms(median(latencies)),
        ms(quantile(latencies, 0.95)),
      ]);
    }
    table(['document', 'lines', 'edits', 'didChange → diagnostics p50', 'p95'], rows);
    thisRun.set(
      'compose-keystroke',
      `in values ${figures.get('compose, 5,000 lines, in values')}; any line ${figures.get('compose, 5,000 lines, any line')}`,
    );
    thisRun.set('policy-keystroke', figures.get('policy, 250 KB')!);

    // Five storms of 40 keys into the 5,000-line Compose file, each at the end of another line.
    const uri = fileUri(join(folder, 'compose.yaml'));
    const composeLines = compose.split('\n');
    let version = 1000;
    await client.change(uri, version, [{ text: compose }]);
    const storms: { ms: number; publishes: number; stale: number }[] = [];
    for (let run = 0; run < 5; run++) {
      const line = 3 + run * 1000;
      storms.push(await storm(client, uri, line, composeLines[line].length, version + 1, 40));
      version += 40;
    }
    thisRun.set(
      'storm',
      `median ${ms(median(storms.map((run) => run.ms)))}, publishes ${storms.map((run) => run.publishes).join(', ')}`,
    );
    table(
      [
        'storm of 40 back-to-back changes (5 runs)',
        "to last version's diagnostics",
        'publishes',
        'stale versions published',
      ],
      [
        [
          'compose, 5,000 lines',
          `median ${ms(median(storms.map((run) => run.ms)))}, max ${ms(Math.max(...storms.map((run) => run.ms)))}`,
          storms.map((run) => run.publishes).join(', '),
          storms.map((run) => run.stale).join(', '),
        ],
      ],
    );

    thisRun.set('cold-start', `${ms(median(colds))}: ${ratio(median(colds), plainNode)} \`node -e 0\``);
    table(
      ['measure', 'value'],
      [
        ['cold start to first diagnostics (median of 5)', ms(median(colds))],
        ['plain Node start-up, `node -e 0` (median of 5)', ms(plainNode)],
        ['cold start / plain Node', ratio(median(colds), plainNode)],
        ['a bare vscode-languageserver server, same start-up (median of 5)', ms(median(bareColds))],
        ['cold start / bare server', ratio(median(colds), median(bareColds))],
      ],
    );
    await client.stop();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The server's memory after a working session: the two large documents opened and edited 20 times
 * each, then 50 small ones opened; with V8's default heap sizing and with the options the extension
 * starts the server with (SERVER_EXEC_ARGV).
 */
async function serverMemory(): Promise<void> {
  console.log('## 5. Language server memory, 50 small + 2 large documents open\n');
  const server = join(ROOT, 'dist', 'server.js');
  const rows: string[][] = [];
  for (const [label, execArgv] of [
    ['V8 defaults', []],
    [SERVER_EXEC_ARGV.join(' '), SERVER_EXEC_ARGV],
  ] as const) {
    const folder = mkdtempSync(join(tmpdir(), 'secpolicy-bench-'));
    const client = await TestClient.spawn(process.execPath, [...execArgv, server, '--stdio']);
    client.diagnosticsTimeoutMs = 300_000;
    try {
      for (const [name, text, languageId] of [
        ['compose.yaml', syntheticCompose(500), 'yaml'],
        ['SECURITY.md', syntheticPolicy(250 * 1024), 'markdown'],
      ]) {
        const uri = fileUri(join(folder, name));
        await client.open(uri, text, languageId);
        await editLatencies(client, uri, text, 20);
      }
      for (let i = 0; i < 50; i++) {
        await client.open(
          fileUri(join(folder, `d${i}`, i % 2 ? 'compose.yaml' : 'SECURITY.md')),
          i % 2 ? syntheticCompose(20) : syntheticPolicy(8 * 1024),
          i % 2 ? 'yaml' : 'markdown',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const memory = procStatus((client as unknown as { child: { pid: number } }).child.pid);
      rows.push([label, `${memory.rssMb.toFixed(1)} MB`, `${memory.peakMb.toFixed(1)} MB`]);
      if (execArgv === SERVER_EXEC_ARGV) thisRun.set('rss', `${memory.rssMb.toFixed(0)} MB with VS Code's options`);
    } finally {
      await client.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  }
  table(['server started with', 'RSS after the session', 'peak RSS'], rows);
}

function packageSize(): void {
  console.log('## 6. Package\n');
  const vsix = join(ROOT, 'secpolicy.vsix');
  if (!existsSync(vsix)) spawnSync('npm', ['run', 'package'], { cwd: ROOT, stdio: 'ignore' });
  const rows = ['secpolicy.vsix', 'dist/secpolicy.js', 'dist/client.js']
    .filter((file) => existsSync(join(ROOT, file)))
    .map((file) => [file, `${(statSync(join(ROOT, file)).size / 1024).toFixed(0)} KB`]);
  table(['file', 'size'], rows);
}

/**
 * The goals of the performance work: each measure as it stood when the work was planned, the goal
 * set for it, and what this run measured (filled in by the sections).
 */
const GOALS = [
  [
    'compose-keystroke',
    'didChange → diagnostics, 5,000-line Compose file',
    'p50 ~136 ms, p95 ~340 ms',
    'p50 ≤ 16 ms, p95 ≤ 40 ms',
  ],
  [
    'storm',
    "40 back-to-back changes, to the last version's diagnostics",
    '1.7–2.4 s, 11–12 stale publishes',
    '≤ 0.2 s, 1 publish',
  ],
  ['policy-keystroke', 'didChange → diagnostics, 250 KB SECURITY.md', 'p50 ~2.7 s', 'p50 ≤ 100 ms'],
  ['rss', 'server RSS, 50 small + 2 large documents open', '~190–260 MB', '< 80 MB'],
  ['cold-start', 'cold start to first diagnostics', '~480 ms', '≤ 1.5× `node -e 0`'],
  ['dclint', 'CLI over the Compose corpus, dclint / secpolicy', '6×', '≥ 12×'],
  ['markdownlint', 'CLI over the policy corpus, markdownlint-cli2 / secpolicy', '1.1–1.2×', '≥ 1.3×'],
  [
    'many-files',
    'CLI over 250 → 2,000 packages (a policy and a Compose file each)',
    'not measured',
    'linear time (slope ≈ 1), bounded RSS',
  ],
] as const;
type GoalId = (typeof GOALS)[number][0];
const thisRun = new Map<GoalId, string>();

function goals(): void {
  console.log('## 7. Goals: when the work was planned, the goal, this run\n');
  table(
    ['measure', 'when planned', 'goal', 'this run'],
    GOALS.map(([id, measure, then, goal]) => [measure, then, goal, thisRun.get(id) ?? '(section not run)']),
  );
}

async function main(): Promise<void> {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`# secpolicy benchmark\n\n${cpus().length} × ${cpu}, Node ${process.version}\n`);
  if (!(globalThis as { gc?: unknown }).gc) console.log('(run with --expose-gc for heap figures)\n');
  // `npm run bench -- lsp peers` runs those sections only; no argument runs them all.
  const asked = process.argv.slice(2);
  const wants = (section: string) => asked.length === 0 || asked.includes(section);
  if (wants('engine')) engineVersusParse();
  if (wants('scaling')) scaling();
  if (wants('files')) await manyFiles();
  if (wants('peers')) peers();
  if (wants('lsp')) await languageServer();
  if (wants('memory')) await serverMemory();
  if (wants('package')) packageSize();
  goals();
}

void main();
