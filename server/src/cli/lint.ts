import { dirname } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { LineIndex } from '../core/text';
import type { Config, Finding, ProjectFacts, SuppressedFinding } from '../core/types';
import { automaticFix, fixAllText, withoutCrossFileFixes, withUnattendedFixes } from '../engine/fixes';
import type { LintOptions, LintResult } from '../engine/lint';
import { diskSource, loadComposeProject, projectTree, type LoadedProject } from '../project/compose-project';
import { withPromiseSources } from '../project/deployment';
import { projectFacts, withClock } from '../project/facts';
import { readText, type DiskLookups } from '../project/read';
import { lintComposeProject, lintText } from '../rules';
import { maskSecretsInLine } from '../secrets/mask';
import type { Problem, Target } from './discover';
import { readTarget } from './files';
import type { CliIo } from './io';
import type { FileReport, Position, ReportedFinding } from './report';

export interface LintRun {
  files: FileReport[];
  problems: Problem[];
  /** Project files left unread on purpose (a `.env` linking out of the repository): said, but no failure. */
  notices: Problem[];
  /** The fixed texts `--fix` will write once the whole run has succeeded. */
  pendingWrites: { path: string; text: string }[];
}

export interface LintRunOptions {
  fix: boolean;
  fixDryRun: boolean;
  quiet: boolean;
  configFor: (directory: string) => Config;
  /** How far up from a folder the policy speaking for its Compose files is looked for (its repository's root). */
  boundary: (directory: string) => string;
  /** A path as the user would name it. */
  shown: (path: string) => string;
  /** The run's folder listings and links, each looked up once. */
  lookups: DiskLookups;
}

/**
 * A unified diff in the shape `git diff` prints (`--- path`, `+++ path`, then the hunks), with
 * every credential value masked: the lines around a fix often hold the secrets it protects.
 */
function unifiedDiff(path: string, before: string, after: string): string {
  const patch = createTwoFilesPatch(path, path, before, after, undefined, undefined, { context: 3 });
  // The library adds an "Index:" banner and tab-separated empty headers that patch tools do not need.
  const lines = patch.split('\n');
  const start = lines.findIndex((line) => line.startsWith('--- '));
  return lines
    .slice(start)
    .map((line, index) =>
      index < 2 ? line.replace(/\t$/, '') : /^[ +-]/.test(line) ? line[0] + maskSecretsInLine(line.slice(1)) : line,
    )
    .join('\n');
}

/** Lints each target, applying or showing the unattended fixes when asked, with a progress line on long runs. */
export function lintTargets(targets: Target[], options: LintRunOptions, io: CliIo): LintRun {
  const run: LintRun = { files: [], problems: [], notices: [], pendingWrites: [] };
  const facts = new Map<string, ProjectFacts>();
  const factsFor = (directory: string): ProjectFacts => {
    let found = facts.get(directory);
    if (!found) {
      found = projectFacts(directory);
      for (const unread of found.unread ?? []) {
        run.notices.push({ path: unread.path, message: `not read: ${unread.reason}` });
      }
      facts.set(directory, found);
    }
    return found;
  };
  const done = new Set<string>();
  const showProgress = io.progress && targets.length >= 50;
  targets.forEach((target, index) => {
    if (showProgress && index % 10 === 0) io.stderr(`\rLinting ${index + 1}/${targets.length} files…`);
    if (done.has(target.path)) return;
    const { text, problem } = readTarget(target.path);
    if (text === undefined) {
      run.problems.push({ path: target.path, message: problem! });
      return;
    }
    if (target.kind === 'compose') {
      lintProject(target.path, run, done, options, factsFor);
      return;
    }
    done.add(target.path);
    const directory = dirname(target.path);
    const facts = withClock(factsFor(directory));
    const lintOptions = {
      config: options.configFor(directory),
      facts:
        target.kind === 'policy'
          ? withPromiseSources(
              facts,
              'policy',
              target.path,
              options.boundary(directory),
              diskSource(projectTree(target.path, options.lookups), undefined, options.lookups),
              factsFor,
              options.lookups,
            )
          : facts,
    };
    fileReport(target.path, text, (current) => lintText(target.kind, current, lintOptions), run, options);
  });
  if (showProgress) io.stderr('\r\x1b[K');
  return run;
}

/**
 * Lints the Compose project `path` belongs to, once for all its files: the main file and its
 * override, included and extended files, each reported (and fixed) on its own.
 */
function lintProject(
  path: string,
  run: LintRun,
  done: Set<string>,
  options: LintRunOptions,
  factsFor: (directory: string) => ProjectFacts,
): void {
  const read = diskSource(projectTree(path, options.lookups), undefined, options.lookups);
  const own = read(path);
  if ('unread' in own) {
    // A file named on the command line that links out of the repository is said, never skipped silently.
    done.add(path);
    run.problems.push({ path, message: `not read: ${own.unread}` });
    return;
  }
  const project = loadComposeProject(path, read, options.lookups);
  const projectFactsNow = withPromiseSources(
    withClock(factsFor(project.directory)),
    'compose',
    project.files[0]?.path ?? path,
    options.boundary(project.directory),
    read,
    factsFor,
    options.lookups,
  );
  const optionsFor = (file: string): LintOptions => ({
    config: options.configFor(dirname(file)),
    facts: projectFactsNow,
  });
  const texts = new Map(project.files.map((file) => [file.path, file.text]));
  for (const [reference, source] of project.references) if ('text' in source) texts.set(reference, source.text);
  const results = lintComposeProject(project, optionsFor);
  for (const file of results.keys()) {
    if (done.has(file)) continue;
    done.add(file);
    const text = texts.get(file) ?? '';
    // A fix pass lints the whole project again, with this file's text as the pass left it.
    const relint = (current: string): LintResult =>
      current === text
        ? results.get(file)!
        : (lintComposeProject(withText(project, file, current), optionsFor).get(file) ?? results.get(file)!);
    fileReport(
      file,
      text,
      relint,
      run,
      options,
      (related) =>
        texts.get(related) ??
        (related === projectFactsNow.dotenv?.path ? projectFactsNow.dotenv.text : undefined) ??
        readText(related),
    );
  }
}

/** The project with one file's text replaced. */
function withText(project: LoadedProject, path: string, text: string): LoadedProject {
  const references = new Map(project.references);
  if (references.has(path)) references.set(path, { text });
  return { ...project, files: project.files.map((file) => (file.path === path ? { path, text } : file)), references };
}

/** Lints one file (fixing it first when asked) and adds its report to the run. */
function fileReport(
  path: string,
  text: string,
  lintWith: (text: string) => LintResult,
  run: LintRun,
  options: LintRunOptions,
  textOf: (path: string) => string | undefined = readText,
): void {
  let suppressed: SuppressedFinding[] = [];
  const lint = (current: string): Finding[] => {
    const result = lintWith(current);
    if (result.skipped) run.problems.push({ path, message: `skipped: ${result.skipped}` });
    for (const failure of result.failures) {
      run.problems.push({ path, message: `rule ${failure.ruleId} failed: ${String(failure.error)}` });
    }
    suppressed = result.suppressed ?? [];
    return result.findings;
  };
  let finalText = text;
  let fixed = 0;
  let diff: string | undefined;
  if (options.fix || options.fixDryRun) {
    const before = lint(text).length;
    finalText = fixAllText(text, (current) => lint(current).map(withUnattendedFixes)).text;
    if (finalText !== text) {
      const remaining = lint(finalText).length;
      fixed = Math.max(before - remaining, 0);
      if (options.fix) run.pendingWrites.push({ path, text: finalText });
      else diff = unifiedDiff(options.shown(path), text, finalText);
    }
  }
  let findings = lint(finalText);
  if (options.quiet) {
    findings = findings.filter((finding) => finding.severity === 'error');
    suppressed = suppressed.filter((finding) => finding.severity === 'error');
  }
  const fixable = findings.filter((finding) => automaticFix(withUnattendedFixes(finding)) !== undefined).length;
  // The lines of each file related locations point into, indexed once per file.
  const indexes = new Map<string, LineIndex | undefined>();
  const linesOf = (file: string) => {
    if (!indexes.has(file)) {
      const text = textOf(file);
      indexes.set(file, text === undefined ? undefined : new LineIndex(text));
    }
    return indexes.get(file);
  };
  run.files.push({
    path: options.shown(path),
    lines: new LineIndex(finalText),
    findings: findings.map((finding) => withPlaces(withoutCrossFileFixes(finding), path, options.shown, linesOf)),
    suppressed: suppressed.map((finding) => ({
      ...withPlaces(finding, path, options.shown, linesOf),
      ...(finding.justification !== undefined ? { justification: finding.justification } : {}),
    })),
    fixed,
    fixable,
    toReview: findings.filter((finding) => (finding.fixes?.length ?? 0) > 0).length - fixable,
    ...(diff ? { diff } : {}),
  });
}

/** The finding with its related locations turned into lines and columns of the files they are in. */
function withPlaces(
  finding: Finding,
  path: string,
  shown: (path: string) => string,
  linesOf: (path: string) => LineIndex | undefined,
): ReportedFinding {
  if (!finding.related) return finding;
  const relatedAt = finding.related.flatMap((related) => {
    const file = related.path ?? path;
    const index = linesOf(file);
    if (index === undefined) return [];
    const start: Position = index.position(related.start);
    const end: Position = index.position(related.end);
    return [{ path: shown(file), start, end, message: related.message }];
  });
  return { ...finding, relatedAt };
}
