import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs, styleText } from 'node:util';
import { mergeConfigs } from '../engine/config';
import { lineStarts } from '../engine/directives';
import { documentKind } from '../engine/kinds';
import { lintText } from '../engine/lint';
import type { Config, DocumentKind, Finding, ProjectFacts } from '../engine/types';
import { findConfig, projectFacts } from '../node/project';

const USAGE = `Usage: secpolicy [options] [paths...]

Lints SECURITY.md policies and Docker Compose files. Folders are searched for
SECURITY.md, compose.y(a)ml, docker-compose.y(a)ml and *compose*.y(a)ml files
(node_modules and .git are skipped). With no path, the current folder is linted.

Options:
  -h, --help     Show this help
  -v, --version  Show the version

Exit codes: 0 no errors, 1 errors found, 2 usage error or a file that could not be read.`;

/** Files over this size are reported and skipped rather than linted. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  color: boolean;
  cwd: string;
}

interface Target {
  path: string;
  kind: DocumentKind;
}

function kindOfExplicitFile(path: string): DocumentKind | undefined {
  return documentKind(path) ?? (/\.md$/i.test(path) ? 'policy' : /\.ya?ml$/i.test(path) ? 'compose' : undefined);
}

function collect(path: string, explicit: boolean, targets: Target[], errors: string[]): void {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    errors.push(`${path}: no such file or folder`);
    return;
  }
  if (stats.isDirectory()) {
    let entries: string[];
    try {
      entries = readdirSync(path).sort();
    } catch {
      errors.push(`${path}: folder could not be read`);
      return;
    }
    for (const entry of entries) {
      if (SKIPPED_FOLDERS.has(entry)) continue;
      collect(join(path, entry), false, targets, errors);
    }
    return;
  }
  if (!stats.isFile()) return;
  const kind = explicit ? kindOfExplicitFile(path) : documentKind(path);
  if (kind) targets.push({ path, kind });
  else if (explicit) errors.push(`${path}: not a policy (.md) or Compose (.yml, .yaml) file`);
}

function readTarget(path: string): { text?: string; problem?: string } {
  let bytes: Buffer;
  try {
    if (statSync(path).size > MAX_FILE_BYTES)
      return { problem: `skipped: larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    bytes = readFileSync(path);
  } catch {
    return { problem: 'could not be read' };
  }
  if (bytes.includes(0)) return { problem: 'skipped: binary file' };
  return { text: bytes.toString('utf8') };
}

function positionOf(starts: number[], offset: number): { line: number; column: number } {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line: line + 1, column: offset - starts[line] + 1 };
}

function paint(io: CliIo, style: Parameters<typeof styleText>[0], text: string): string {
  return io.color ? styleText(style, text) : text;
}

function stylish(io: CliIo, path: string, text: string, findings: Finding[]): string {
  const starts = lineStarts(text);
  const rows = findings.map((finding) => {
    const { line, column } = positionOf(starts, finding.start);
    return { where: `${line}:${column}`, finding };
  });
  const whereWidth = Math.max(...rows.map((row) => row.where.length));
  const severityWidth = Math.max(...rows.map((row) => row.finding.severity.length));
  const lines = rows.map(({ where, finding }) => {
    const color = finding.severity === 'error' ? 'red' : finding.severity === 'warning' ? 'yellow' : 'blue';
    return `  ${paint(io, 'dim', where.padEnd(whereWidth))}  ${paint(io, color, finding.severity.padEnd(severityWidth))}  ${finding.message}  ${paint(io, 'dim', finding.ruleId)}`;
  });
  return `${paint(io, 'underline', path)}\n${lines.join('\n')}\n`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Runs the CLI and returns its exit code. */
export function runCli(argv: string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } },
    });
  } catch (error) {
    io.stderr(`secpolicy: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (parsed.values.version) {
    io.stdout(`${process.env.SECPOLICY_VERSION ?? 'unknown'}\n`);
    return 0;
  }

  const targets: Target[] = [];
  const errors: string[] = [];
  const paths = parsed.positionals.length > 0 ? parsed.positionals : ['.'];
  for (const path of paths) collect(resolve(io.cwd, path), true, targets, errors);

  const configs = new Map<string, Config>();
  const facts = new Map<string, ProjectFacts>();
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  const output: string[] = [];
  for (const target of targets) {
    const shown = relative(io.cwd, target.path) || target.path;
    const { text, problem } = readTarget(target.path);
    if (text === undefined) {
      errors.push(`${shown}: ${problem}`);
      continue;
    }
    const directory = dirname(target.path);
    if (!configs.has(directory)) {
      const found = findConfig(directory);
      for (const configProblem of found?.problems ?? [])
        errors.push(`${relative(io.cwd, found!.path)}: ${configProblem}`);
      configs.set(directory, mergeConfigs(found?.config));
    }
    if (!facts.has(directory)) facts.set(directory, projectFacts(directory));
    const result = lintText(target.kind, text, { config: configs.get(directory), facts: facts.get(directory) });
    for (const failure of result.failures)
      errors.push(`${shown}: rule ${failure.ruleId} failed: ${String(failure.error)}`);
    if (result.findings.length === 0) continue;
    for (const finding of result.findings) {
      if (finding.severity === 'error') errorCount++;
      else if (finding.severity === 'warning') warningCount++;
      else infoCount++;
    }
    output.push(stylish(io, shown, text, result.findings));
  }

  for (const error of [...new Set(errors)]) io.stderr(`secpolicy: ${error}\n`);
  const total = errorCount + warningCount + infoCount;
  if (total > 0) {
    const summary = `✖ ${plural(total, 'problem')} (${plural(errorCount, 'error')}, ${plural(warningCount, 'warning')}, ${infoCount} info)`;
    io.stdout(`${output.join('\n')}\n${paint(io, errorCount > 0 ? 'red' : 'yellow', summary)}\n`);
  } else if (errors.length === 0) {
    io.stdout(`${plural(targets.length, 'file')} linted, no problems.\n`);
  }
  if (errors.length > 0) return 2;
  return errorCount > 0 ? 1 : 0;
}
