import { dirname, relative, resolve } from 'node:path';
import { configuredSeverity } from '../engine/config';
import { cachedLookups, searchBoundary } from '../project/read';
import { allRules } from '../rules';
import { folderConfigs, readExplicitConfig } from './config';
import { discover, type Problem } from './discover';
import { runInit } from './init';
import { printable, UsageError, type CliIo } from './io';
import { lintTargets } from './lint';
import { parseLintOptions, USAGE, type Format } from './options';
import { countFindings, type RunReport } from './report';
import { formatGithub } from './reporters/github';
import { formatJson } from './reporters/json';
import { formatSarif } from './reporters/sarif';
import { formatStylish } from './reporters/stylish';
import { writeAll } from './write';

export type { CliIo };

export const VERSION = process.env.SECPOLICY_VERSION ?? '0.0.0-dev';

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

function listRules(): string {
  const width = Math.max(...allRules.map((rule) => rule.meta.id.length));
  return allRules
    .map((rule) => `${rule.meta.id.padEnd(width)}  ${rule.meta.defaultSeverity.padEnd(7)}  ${rule.meta.description}\n`)
    .join('');
}

function formatReport(report: RunReport, format: Format, color: boolean): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, allRules, VERSION);
    case 'github':
      return formatGithub(report);
    case 'stylish':
      return formatStylish(report, color);
  }
}

/** One line of standard error about a file: its path and the message may hold any character, escaped here. */
function problemLine(path: string, message: string): string {
  return `secpolicy: ${printable(path)}: ${printable(message)}\n`;
}

function lintCommand(argv: string[], io: CliIo): number {
  const options = parseLintOptions(argv);
  if (options.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (options.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (options.listRules) {
    io.stdout(listRules());
    return 0;
  }

  // Files are named as the user would name them: relative to where the command ran.
  const shown = (path: string) => relative(io.cwd, path) || path;
  const problems: Problem[] = [];
  const explicit = options.config !== undefined ? readExplicitConfig(io.cwd, options.config) : undefined;
  if (explicit && explicit.problems.length > 0) {
    for (const problem of explicit.problems) io.stderr(problemLine(shown(problem.path), problem.message));
    return 2;
  }
  // Kept for this run only; nothing is written before the last look-up (see cachedLookups).
  const lookups = cachedLookups();
  const configs = folderConfigs(
    explicit?.config ? { config: explicit.config, path: explicit.path } : undefined,
    options.ruleOverrides,
    problems,
    io.cwd,
    lookups,
  );
  const configFor = (directory: string) => configs(directory).config;

  if (options.printConfig !== undefined) {
    const { config, path } = configs(dirname(resolve(io.cwd, options.printConfig)));
    const rules = Object.fromEntries(allRules.map((rule) => [rule.meta.id, configuredSeverity(config, rule.meta)]));
    for (const problem of problems) io.stderr(problemLine(shown(problem.path), problem.message));
    // Which file the severities come from, so a surprise is traced to its cause.
    const preset = config.preset ?? 'recommended';
    io.stdout(`${JSON.stringify({ config: path === undefined ? null : shown(path), preset, rules }, null, 2)}\n`);
    return problems.length > 0 ? 2 : 0;
  }

  const paths = (options.paths.length > 0 ? options.paths : ['.']).map((path) => resolve(io.cwd, path));
  const discovered = discover(paths, io.cwd, options.ignore, lookups);
  problems.push(...discovered.problems);
  const boundary = (directory: string) => searchBoundary(directory, [io.cwd], lookups);
  const run = lintTargets(discovered.targets, { ...options, configFor, shown, boundary, lookups }, io);
  problems.push(...run.problems);
  const { files, pendingWrites } = run;

  // Nothing is written on a failed run, and a failed write leaves every file as it was.
  if (problems.length === 0 && pendingWrites.length > 0) problems.push(...writeAll(pendingWrites));
  const notFixed = problems.length > 0 && pendingWrites.length > 0;
  if (notFixed) for (const file of files) file.fixed = 0;
  const report: RunReport = {
    files,
    dryRun: options.fixDryRun,
    problems: problems.map((problem) => ({ ...problem, shown: shown(problem.path) })),
  };
  const lines = new Set(
    [...run.notices, ...problems].map((problem) => problemLine(shown(problem.path), problem.message)),
  );
  for (const line of lines) io.stderr(line);
  if (notFixed) io.stderr('secpolicy: no file was fixed because of the problems above\n');

  const output = formatReport(report, options.format, io.color && options.output === undefined);
  if (options.output !== undefined) {
    const target = resolve(io.cwd, options.output);
    const [failed] = writeAll([{ path: target, text: output }]);
    if (failed) {
      io.stderr(problemLine(shown(target), `the report was ${failed.message}`));
      return 2;
    }
  } else io.stdout(output);

  if (problems.length > 0) return 2;
  if (files.length === 0) {
    // A CI job pointed at the wrong folder must not pass for want of anything to lint.
    io.stderr(
      `secpolicy: no file linted: found no SECURITY.md, security.txt, Compose or .env file in ${options.paths.length > 0 ? options.paths.map(printable).join(', ') : 'the current folder'}\n`,
    );
    return options.paths.length > 0 ? 2 : 0;
  }
  const counts = countFindings(files);
  if (counts.errors > 0) return 1;
  const failing =
    options.failOn === 'warning' ? counts.warnings : options.failOn === 'info' ? counts.warnings + counts.infos : 0;
  if (failing > 0) {
    io.stderr(
      `secpolicy: failing on ${options.failOn}: ${failing} ${failing === 1 ? 'finding' : 'findings'} at that level or above\n`,
    );
    return 1;
  }
  if (options.maxWarnings !== undefined && counts.warnings > options.maxWarnings) {
    io.stderr(`secpolicy: ${counts.warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}
