import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { emptyConfig, mergeConfigs, parseConfigText, SEVERITY_SETTINGS } from '../engine/config';
import { fixAllText, withoutCrossFileFixes, withUnattendedFixes } from '../engine/fixes';
import { lintText } from '../engine/lint';
import type { Config, ProjectFacts, SeveritySetting } from '../engine/types';
import { findConfig, projectFacts } from '../node/project';
import { allRules, ruleIds } from '../rules';
import { discover, type Problem, type Target } from './discover';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatStylish } from './formats/stylish';
import { runInit } from './init';
import type { FileReport, RunReport } from './report';
import { countFindings } from './report';

export const VERSION = process.env.SECPOLICY_VERSION ?? '0.0.0-dev';

const USAGE = `Usage: secpolicy [options] [paths...]
       secpolicy init --contact <email|url> [--template minimal|standard|comprehensive] [--project <name>] [--force]

Lints SECURITY.md policies, security.txt, Docker Compose and .env files. Folders are searched
for SECURITY.md, security.txt, compose.y(a)ml, docker-compose.y(a)ml, *compose*.y(a)ml, .env,
.env.* and *.env files, honouring .gitignore and skipping node_modules and .git. With no path,
the current folder is linted.

Options:
  -f, --format <stylish|json|sarif>   Output format (default: stylish)
  -o, --output <file>                 Write the report to a file instead of standard output
      --fix                           Apply the fixes that are safe without review, then report what remains
      --fix-dry-run                   Print the --fix changes as a diff; write nothing
      --max-warnings <n>              Exit 1 when there are more than n warnings
  -q, --quiet                         Report errors only
      --rule <id>:<severity>          Set a rule's severity: off, info, warning or error (repeatable)
  -c, --config <file>                 Use this JSON config instead of the nearest .secpolicy.json
      --print-config <file>           Print the configuration that applies to a file, then exit
      --ignore <pattern>              Skip paths matching a .gitignore-style pattern (repeatable)
      --list-rules                    List every rule with its default severity
  -h, --help                          Show this help
  -v, --version                       Show the version

Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage, config or read error.`;

/** Files over this size are reported and skipped rather than linted. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour in the stylish output. */
  color: boolean;
  /** Standard error is a terminal: a progress line is shown for long runs. */
  progress: boolean;
  cwd: string;
}

class UsageError extends Error {}

const FORMATS = ['stylish', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

function parseRuleOption(value: string): [string, SeveritySetting] {
  const colon = value.lastIndexOf(':');
  const id = value.slice(0, colon);
  const severity = value.slice(colon + 1) as SeveritySetting;
  if (colon === -1 || !ruleIds.has(id))
    throw new UsageError(`--rule ${value}: unknown rule "${colon === -1 ? value : id}"`);
  if (!SEVERITY_SETTINGS.includes(severity)) {
    throw new UsageError(`--rule ${value}: severity must be off, info, warning or error`);
  }
  return [id, severity];
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

/** Writes through a temporary file and a rename, so a file is never left half written. */
function writeAtomically(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.secpolicy-${process.pid}.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** A unified diff in the shape `git diff` prints: `--- path`, `+++ path`, then the hunks. */
function unifiedDiff(path: string, before: string, after: string): string {
  const patch = createTwoFilesPatch(path, path, before, after, undefined, undefined, { context: 3 });
  // The library adds an "Index:" banner and tab-separated empty headers that patch tools do not need.
  const lines = patch.split('\n');
  const start = lines.findIndex((line) => line.startsWith('--- '));
  return lines
    .slice(start)
    .map((line, index) => (index < 2 ? line.replace(/\t$/, '') : line))
    .join('\n');
}

/** Runs the CLI and returns its exit code. */
export function runCli(argv: string[], io: CliIo): number {
  if (argv[0] === 'init') return runInit(argv.slice(1), io);
  try {
    return lintCommand(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`secpolicy: ${error.message}\nRun "secpolicy --help" for usage.\n`);
      return 2;
    }
    throw error;
  }
}

function lintCommand(argv: string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        rule: { type: 'string', multiple: true },
        config: { type: 'string', short: 'c' },
        'print-config': { type: 'string' },
        ignore: { type: 'string', multiple: true },
        'list-rules': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const options = parsed.values;
  if (options.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (options.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (options['list-rules']) {
    const width = Math.max(...allRules.map((rule) => rule.meta.id.length));
    io.stdout(
      allRules
        .map(
          (rule) => `${rule.meta.id.padEnd(width)}  ${rule.meta.defaultSeverity.padEnd(7)}  ${rule.meta.description}\n`,
        )
        .join(''),
    );
    return 0;
  }
  const format = (options.format ?? 'stylish') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be stylish, json or sarif, not "${format}"`);
  let maxWarnings: number | undefined;
  if (options['max-warnings'] !== undefined) {
    maxWarnings = Number(options['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings takes a whole number');
  }
  if (options.fix && options['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  const ruleOverrides: Config = { rules: Object.fromEntries((options.rule ?? []).map(parseRuleOption)) };

  // Files are named as the user would name them: relative to where the command ran.
  const shown = (path: string) => relative(io.cwd, path) || path;
  const problems: Problem[] = [];

  let explicitConfig: Config | undefined;
  if (options.config !== undefined) {
    const path = resolve(io.cwd, options.config);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      io.stderr(`secpolicy: ${shown(path)}: config file could not be read\n`);
      return 2;
    }
    const result = parseConfigText(text, ruleIds);
    if (result.problems.length > 0) {
      for (const problem of result.problems) io.stderr(`secpolicy: ${shown(path)}: ${problem}\n`);
      return 2;
    }
    explicitConfig = result.config;
  }

  const configs = new Map<string, Config>();
  const configFor = (directory: string): Config => {
    let config = configs.get(directory);
    if (!config) {
      let fileConfig = explicitConfig;
      if (!fileConfig) {
        const found = findConfig(directory);
        for (const message of found?.problems ?? []) problems.push({ path: found!.path, message });
        fileConfig = found?.config ?? emptyConfig();
      }
      config = mergeConfigs(fileConfig, ruleOverrides);
      configs.set(directory, config);
    }
    return config;
  };

  if (options['print-config'] !== undefined) {
    const path = resolve(io.cwd, options['print-config']);
    const config = configFor(dirname(path));
    const rules = Object.fromEntries(
      allRules.map((rule) => [rule.meta.id, config.rules[rule.meta.id] ?? rule.meta.defaultSeverity]),
    );
    for (const problem of problems) io.stderr(`secpolicy: ${shown(problem.path)}: ${problem.message}\n`);
    io.stdout(`${JSON.stringify({ rules }, null, 2)}\n`);
    return problems.length > 0 ? 2 : 0;
  }

  const paths = (parsed.positionals.length > 0 ? parsed.positionals : ['.']).map((path) => resolve(io.cwd, path));
  const discovered = discover(paths, io.cwd, options.ignore ?? []);
  problems.push(...discovered.problems);

  const facts = new Map<string, ProjectFacts>();
  const files: FileReport[] = [];
  const pendingWrites: { path: string; text: string }[] = [];
  const showProgress = io.progress && discovered.targets.length >= 50;
  discovered.targets.forEach((target: Target, index) => {
    if (showProgress && index % 10 === 0) io.stderr(`\rLinting ${index + 1}/${discovered.targets.length} files…`);
    const { text, problem } = readTarget(target.path);
    if (text === undefined) {
      problems.push({ path: target.path, message: problem! });
      return;
    }
    const directory = dirname(target.path);
    if (!facts.has(directory)) facts.set(directory, projectFacts(directory));
    const lintOptions = { config: configFor(directory), facts: facts.get(directory) };
    const lint = (current: string) => {
      const result = lintText(target.kind, current, lintOptions);
      if (result.skipped) problems.push({ path: target.path, message: `skipped: ${result.skipped}` });
      for (const failure of result.failures) {
        problems.push({ path: target.path, message: `rule ${failure.ruleId} failed: ${String(failure.error)}` });
      }
      return result.findings.map(withoutCrossFileFixes);
    };
    let finalText = text;
    let fixed = 0;
    if (options.fix || options['fix-dry-run']) {
      const before = lint(text).length;
      finalText = fixAllText(text, (current) => lint(current).map(withUnattendedFixes)).text;
      if (finalText !== text) {
        const remaining = lint(finalText).length;
        fixed = Math.max(before - remaining, 0);
        if (options.fix) pendingWrites.push({ path: target.path, text: finalText });
        else io.stdout(unifiedDiff(shown(target.path), text, finalText));
      }
    }
    let findings = lint(finalText);
    if (options.quiet) findings = findings.filter((finding) => finding.severity === 'error');
    files.push({ path: shown(target.path), text: finalText, findings, fixed });
  });
  if (showProgress) io.stderr('\r\x1b[K');

  const report: RunReport = {
    files,
    dryRun: Boolean(options['fix-dry-run']),
    problems: problems.map((problem) => ({ ...problem, shown: shown(problem.path) })),
  };
  const lines = new Set(report.problems.map((problem) => `secpolicy: ${problem.shown}: ${problem.message}\n`));
  for (const line of lines) io.stderr(line);

  // Nothing is written on a failed run.
  if (problems.length === 0) {
    for (const write of pendingWrites) writeAtomically(write.path, write.text);
  } else if (pendingWrites.length > 0) {
    io.stderr(`secpolicy: no file was fixed because of the problems above\n`);
    for (const file of files) file.fixed = 0;
  }

  const output =
    format === 'json'
      ? formatJson(report)
      : format === 'sarif'
        ? formatSarif(report, allRules, VERSION)
        : formatStylish(report, io.color && options.output === undefined);
  if (options.output !== undefined) writeAtomically(resolve(io.cwd, options.output), output);
  else io.stdout(output);

  if (problems.length > 0) return 2;
  const counts = countFindings(files);
  if (counts.errors > 0) return 1;
  if (maxWarnings !== undefined && counts.warnings > maxWarnings) {
    io.stderr(`secpolicy: ${counts.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}
