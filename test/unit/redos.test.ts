import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
/** The engine's sources and the common/ code it shares with the extension. */
const SOURCES = [join(ROOT, 'server', 'src'), join(ROOT, 'common')];

interface Expression {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every regular expression literal in the engine's sources, found by the TypeScript parser. */
function literals(): Expression[] {
  const found: Expression[] = [];
  for (const path of SOURCES.flatMap(sourceFiles)) {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(file);
        const slash = text.lastIndexOf('/');
        const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
        found.push({
          where: `${relative(ROOT, path)}:${line + 1}`,
          source: text.slice(1, slash),
          flags: text.slice(slash + 1),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

/** Every expression built with `new RegExp` while the modules load, collected in a separate process. */
function constructed(): Expression[] {
  const result = spawnSync(process.execPath, ['--require', 'tsx/cjs', join(__dirname, '..', 'helpers', 'regexes.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as Expression[];
}

describe('regular expressions are safe from catastrophic backtracking (recheck)', function () {
  // recheck proves each expression within its own time budget; a busy machine must not turn a proof into "unknown".
  this.timeout(600_000);

  it('checks every literal and every constructed expression in server/src and common/', () => {
    const expressions = [...literals(), ...constructed()];
    const unique = new Map(expressions.map((expression) => [`/${expression.source}/${expression.flags}`, expression]));
    assert.ok(unique.size > 20, `found ${unique.size} expressions`);
    const unsafe: string[] = [];
    for (const expression of unique.values()) {
      // The u and v flags change parsing; g, y, d and s do not change backtracking.
      const diagnostics = checkSync(expression.source, expression.flags.replace(/[gyd]/g, ''), { timeout: 60_000 });
      if (diagnostics.status === 'vulnerable') {
        unsafe.push(
          `${expression.where} /${expression.source}/${expression.flags}: ${diagnostics.complexity.summary}, attack ${JSON.stringify(diagnostics.attack.pattern)}`,
        );
      } else if (diagnostics.status === 'unknown') {
        unsafe.push(
          `${expression.where} /${expression.source}/${expression.flags}: could not be proven safe (${diagnostics.error.kind})`,
        );
      }
    }
    console.log(`      ${unique.size} distinct expressions checked`);
    assert.deepEqual(unsafe, []);
  });
});
