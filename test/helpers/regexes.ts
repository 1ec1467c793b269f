/**
 * Prints every regular expression the engine builds with `new RegExp` while its modules load, as
 * JSON lines. Run in its own process so the RegExp constructor can be watched from the start.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
/** The engine's sources and the common/ code it shares with the extension. */
const SOURCES = [join(ROOT, 'server', 'src'), join(ROOT, 'common')];
const built: { source: string; flags: string; where: string }[] = [];
const NativeRegExp = RegExp;
globalThis.RegExp = new Proxy(NativeRegExp, {
  construct(target, args: [string | RegExp, string?]) {
    const expression = Reflect.construct(target, args) as RegExp;
    // Only the engine's own expressions: libraries such as semver build theirs the same way.
    const caller = new Error().stack?.split('\n').find((line) => SOURCES.some((folder) => line.includes(folder)));
    if (caller) built.push({ source: expression.source, flags: expression.flags, where: caller.trim() });
    return expression;
  },
});

function modules(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return modules(path);
    return entry.name.endsWith('.ts') && !['server.ts', 'cli.ts'].includes(entry.name) ? [path] : [];
  });
}

// Loading in order, synchronously, keeps the constructor watched: an import() would return too late.
// eslint-disable-next-line @typescript-eslint/no-require-imports
for (const module of SOURCES.flatMap(modules)) require(module);
globalThis.RegExp = NativeRegExp;
process.stdout.write(`${JSON.stringify(built)}\n`);
