import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** The walls of the house, checked on the source: sizes, who may import whom, no circles, and the vscode wall. */
const ROOT = join(__dirname, '..', '..');
const SOURCES = ['server/src', 'client/src', 'common'];

function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(join(ROOT, folder))) {
    const path = join(folder, name);
    if (statSync(join(ROOT, path)).isDirectory()) found.push(...sourceFiles(path));
    else if (name.endsWith('.ts')) found.push(path);
  }
  return found;
}

const files = SOURCES.flatMap(sourceFiles);

/** The repository files a source file imports (relative imports, type-only ones included). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const targets: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?from\s+'(\.[^']+)'/g)) {
    const base = relative(ROOT, resolve(ROOT, dirname(file), match[1]));
    const target = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => files.includes(candidate));
    if (target) targets.push(target);
  }
  return targets;
}

const graph = new Map(files.map((file) => [file, importsOf(file)]));

describe('architecture', () => {
  it('no source file is over 600 lines', () => {
    const long = files.filter((file) => readFileSync(join(ROOT, file), 'utf8').split('\n').length > 600);
    assert.deepEqual(long, []);
  });

  it('the adapters reach the rules through the registry only', () => {
    const offending = files
      .filter((file) => /^server\/src\/(?:lsp|cli)\//.test(file))
      .flatMap((file) => graph.get(file)!.filter((target) => /^server\/src\/rules\/(?!utils\/|index\.ts)/.test(target)))
      .filter((target) => !target.endsWith('/index.ts'));
    assert.deepEqual(offending, []);
  });

  it('no rule file imports another rule file', () => {
    const isRule = (file: string) => /^server\/src\/rules\/(?!utils\/)[^/]+\/(?!index\.ts)[^/]+\.ts$/.test(file);
    const offending = files.filter(isRule).flatMap((file) =>
      graph
        .get(file)!
        .filter(isRule)
        .map((target) => `${file} -> ${target}`),
    );
    assert.deepEqual(offending, []);
  });

  it('the client imports nothing from the repository outside client/ but common/', () => {
    const offending = files
      .filter((file) => file.startsWith('client/'))
      .flatMap((file) => graph.get(file)!.filter((target) => !/^(?:client|common)\//.test(target)));
    assert.deepEqual(offending, []);
  });

  it('has no import circles', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      path.push(file);
      for (const target of graph.get(file)!) {
        if (state.get(target) === 'open') circles.push([...path.slice(path.indexOf(target)), target].join(' -> '));
        else if (!state.has(target)) visit(target);
      }
      path.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    assert.deepEqual(circles, []);
  });

  it("importing 'vscode' in the server does not compile", function () {
    this.timeout(60_000);
    const config = ts.getParsedCommandLineOfConfigFile(
      join(ROOT, 'server', 'tsconfig.json'),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => assert.fail(String(diagnostic.messageText)),
      },
    )!;
    const folder = mkdtempSync(join(tmpdir(), 'secpolicy-wall-'));
    try {
      const compile = (source: string) => {
        const file = join(folder, 'probe.ts');
        writeFileSync(file, source);
        const program = ts.createProgram([file], { ...config.options, noEmit: true, composite: false });
        return ts.getPreEmitDiagnostics(program).map((diagnostic) => diagnostic.code);
      };
      assert.deepEqual(compile("import { join } from 'node:path';\nexport const probe = join;\n"), []);
      assert.ok(compile("import 'vscode';\nexport {};\n").length > 0, "a bare import 'vscode' fails");
      assert.ok(compile("import { window } from 'vscode';\nexport const probe = window;\n").includes(2306));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
