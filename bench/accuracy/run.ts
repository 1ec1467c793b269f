/**
 * `npm run bench:accuracy`: lints the real files in ../shared/corpus as the CLI does and compares
 * the findings with the hand labels in bench/accuracy/labels (see README.md there). Compose:
 * recall and precision per category. Policies: agreement with the reviewer per question.
 * A measurement, never a test. `--verbose` lists every miss and every false alarm; `--only compose`
 * or `--only policies` measures one of the two.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { runCli } from '../../server/src/cli/main';

const CORPUS = resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
const LABELS = join(__dirname, 'labels');
const verbose = process.argv.includes('--verbose');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt === -1 ? undefined : process.argv[onlyAt + 1];

interface JsonFinding {
  ruleId: string;
  message: string;
  line: number;
  related?: { path: string; line: number }[];
}
interface JsonFile {
  path: string;
  findings: JsonFinding[];
}

/** Runs the CLI with `-f json` on `paths` (relative to `cwd`) and returns its files. */
function lintWithCli(cwd: string, paths: string[]): JsonFile[] {
  let out = '';
  runCli(['-f', 'json', ...paths], {
    stdout: (text) => (out += text),
    stderr: () => undefined,
    color: false,
    progress: false,
    cwd,
  });
  return (JSON.parse(out) as { files: JsonFile[] }).files;
}

function readTsv(path: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const columns = header.split('\t');
  return rows.map((row) => Object.fromEntries(row.split('\t').map((cell, index) => [columns[index], cell])));
}

function labelFiles(prefix: string): string[] {
  return readdirSync(LABELS)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.tsv'))
    .map((name) => join(LABELS, name));
}

const percent = (part: number, whole: number) =>
  whole === 0 ? '   —' : `${((100 * part) / whole).toFixed(0)}%`.padStart(4);

// ---------------------------------------------------------------------------------------------
// Compose

/** Which label category each rule's findings answer. Hardening rules (strict preset) are not measured. */
const CATEGORY: Record<string, string> = {
  'compose/default-password': 'default-credential',
  'dotenv/default-password': 'default-credential',
  'compose/weak-jwt-secret': 'default-credential',
  'dotenv/weak-jwt-secret': 'default-credential',
  'compose/hardcoded-secret': 'hardcoded-secret',
  'compose/empty-password': 'empty-password',
  'dotenv/empty-password': 'empty-password',
  'compose/credentials-in-url': 'credentials-in-url',
  'compose/docker-socket': 'runtime-socket',
  'compose/privileged': 'privileged',
  'compose/dangerous-capability': 'capability',
  'compose/host-namespace': 'host-namespace',
  'compose/unconfined-profile': 'unconfined-profile',
  'compose/sensitive-host-mount': 'sensitive-host-mount',
  'compose/exposed-internal-service': 'exposed-internal-service',
  'compose/acme-staging': 'acme-staging',
  'compose/runs-as-root': 'explicit-root',
  'compose/secret-in-build-args': 'secret-in-build-args',
};

interface Place {
  file: string;
  line: number;
  category: string;
  note: string;
}

/** The places a finding points at: its own line, and the lines it names in other files. */
function findingPlaces(file: string, finding: JsonFinding): { file: string; line: number }[] {
  const places = [{ file, line: finding.line }];
  for (const related of finding.related ?? []) places.push({ file: related.path, line: related.line });
  return places;
}

function composeAccuracy(): void {
  const folder = join(CORPUS, 'compose');
  const labels: Place[] = labelFiles('compose-').flatMap((path) =>
    readTsv(path).map((row) => ({
      file: row.file,
      line: Number(row.line),
      category: row.category,
      note: row.note ?? '',
    })),
  );
  const labelled = new Set(labels.map((label) => label.file));
  const expected = labels.filter((label) => label.category !== 'none');

  // Single files are named; a project is linted as a folder, the way a user runs the CLI on a checkout.
  const singles = [...labelled].filter((file) => !file.startsWith('projects/'));
  const projects = [
    ...new Set(
      [...labelled].filter((file) => file.startsWith('projects/')).map((file) => file.split('/').slice(0, 2).join('/')),
    ),
  ];
  const files = lintWithCli(folder, [...singles, ...projects]);

  // One prediction per problem: findings of one category that share a place (the same value seen
  // by two rules, or one .env value used by several services) are one answer.
  type Prediction = Place & { places: { file: string; line: number }[]; rule: string };
  const byPlace = new Map<string, Prediction>();
  const found: Prediction[] = [];
  for (const file of files) {
    const path = relative(folder, resolve(folder, file.path));
    for (const finding of file.findings) {
      const category = CATEGORY[finding.ruleId];
      if (!category) continue;
      const places = findingPlaces(path, finding).map((place) => ({
        file: relative(folder, resolve(folder, place.file)),
        line: place.line,
      }));
      if (!places.some((place) => labelled.has(place.file))) continue;
      const keys = places.map((place) => `${place.file}:${place.line}#${category}`);
      const existing = keys.map((key) => byPlace.get(key)).find((prediction) => prediction !== undefined);
      const prediction = existing ?? {
        ...places[0],
        category,
        note: finding.message,
        places: [],
        rule: finding.ruleId,
      };
      if (!existing) found.push(prediction);
      for (const [index, key] of keys.entries()) {
        if (byPlace.has(key)) continue;
        byPlace.set(key, prediction);
        prediction.places.push(places[index]);
      }
    }
  }
  const predicted = new Map(found.map((prediction, index) => [String(index), prediction]));

  // Greedy matching: exact lines first, then one line off (a reviewer and a rule may point at
  // adjacent lines of one multi-line value). A prediction answers every label at one of its places
  // (a .env value and the Compose lines that use it are one problem, which a reviewer may label twice).
  const unmatchedLabels = new Set(expected);
  const unmatchedPredictions = new Set(predicted.values());
  const usedPlaces = new Set<string>();
  for (const tolerance of [0, 1]) {
    for (const prediction of predicted.values()) {
      for (const place of prediction.places) {
        const key = `${place.file}:${place.line}#${prediction.category}`;
        if (usedPlaces.has(key)) continue;
        const label = [...unmatchedLabels].find(
          (candidate) =>
            candidate.category === prediction.category &&
            place.file === candidate.file &&
            Math.abs(place.line - candidate.line) <= tolerance,
        );
        if (!label) continue;
        usedPlaces.add(key);
        unmatchedLabels.delete(label);
        unmatchedPredictions.delete(prediction);
      }
    }
  }

  const categories = [
    ...new Set([...expected.map((label) => label.category), ...[...predicted.values()].map((p) => p.category)]),
  ].sort();
  console.log(
    `\nCompose: ${labelled.size} labelled files (${singles.length} single files, ${projects.length} projects), ${expected.length} labelled problems\n`,
  );
  console.log(
    `${'category'.padEnd(26)} ${'labels'.padStart(6)} ${'found'.padStart(6)} ${'missed'.padStart(6)} ${'false'.padStart(6)} ${'recall'.padStart(7)} ${'precision'.padStart(9)}`,
  );
  let totals = { labels: 0, found: 0, missed: 0, falseAlarms: 0 };
  for (const category of categories) {
    const labelsHere = expected.filter((label) => label.category === category).length;
    const missed = [...unmatchedLabels].filter((label) => label.category === category).length;
    const falseAlarms = [...unmatchedPredictions].filter((prediction) => prediction.category === category).length;
    const found = labelsHere - missed;
    const predictions = [...predicted.values()].filter((prediction) => prediction.category === category).length;
    totals = {
      labels: totals.labels + labelsHere,
      found: totals.found + found,
      missed: totals.missed + missed,
      falseAlarms: totals.falseAlarms + falseAlarms,
    };
    console.log(
      `${category.padEnd(26)} ${String(labelsHere).padStart(6)} ${String(found).padStart(6)} ${String(missed).padStart(6)} ${String(falseAlarms).padStart(6)} ${percent(found, labelsHere).padStart(7)} ${percent(predictions - falseAlarms, predictions).padStart(9)}`,
    );
  }
  const predictions = predicted.size;
  console.log(
    `${'overall'.padEnd(26)} ${String(totals.labels).padStart(6)} ${String(totals.found).padStart(6)} ${String(totals.missed).padStart(6)} ${String(totals.falseAlarms).padStart(6)} ${percent(totals.found, totals.labels).padStart(7)} ${percent(predictions - totals.falseAlarms, predictions).padStart(9)}`,
  );
  if (verbose) {
    console.log('\nMissed (labelled, not found):');
    for (const label of [...unmatchedLabels].sort(
      (a, b) => a.category.localeCompare(b.category) || a.file.localeCompare(b.file) || a.line - b.line,
    )) {
      console.log(`  ${label.category.padEnd(24)} ${label.file}:${label.line}  ${label.note}`);
    }
    console.log('\nFalse alarms (found, not labelled):');
    for (const prediction of [...unmatchedPredictions].sort(
      (a, b) => a.category.localeCompare(b.category) || a.file.localeCompare(b.file) || a.line - b.line,
    )) {
      console.log(
        `  ${prediction.category.padEnd(24)} ${prediction.file}:${prediction.line}  ${prediction.rule}: ${prediction.note}`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Policies

/** Each question, and how the findings answer it. */
const QUESTIONS: [string, (rules: Set<string>) => boolean][] = [
  ['private_contact', (rules) => !rules.has('policy/no-contact') && !rules.has('policy/placeholder-contact')],
  ['template_text', (rules) => rules.has('policy/template-placeholder') || rules.has('policy/placeholder-contact')],
  ['public_issue', (rules) => rules.has('policy/public-issue-reporting')],
  ['timeline', (rules) => !rules.has('policy/no-response-timeline')],
  ['hedged', (rules) => rules.has('policy/hedged-timeline')],
  ['versions_stated', (rules) => !rules.has('policy/no-supported-versions')],
  ['versions_bad', (rules) => rules.has('policy/versions-table') || rules.has('policy/nothing-supported')],
  ['disclosure', (rules) => !rules.has('policy/no-disclosure-policy')],
  ['http_link', (rules) => rules.has('policy/insecure-link')],
];

function policyAccuracy(): void {
  const folder = join(CORPUS, 'security-md');
  const rows = labelFiles('policy-').flatMap(readTsv);
  const files = lintWithCli(
    folder,
    rows.map((row) => row.file),
  );
  const rulesByFile = new Map(
    files.map((file) => [
      relative(folder, resolve(folder, file.path)),
      new Set(file.findings.map((finding) => finding.ruleId)),
    ]),
  );
  console.log(`\nPolicies: ${rows.length} labelled files, ${QUESTIONS.length} questions each\n`);
  console.log(
    `${'question'.padEnd(18)} ${'agree'.padStart(6)} ${'yes by reviewer'.padStart(16)} ${'missed'.padStart(7)} ${'false'.padStart(6)}`,
  );
  let agreements = 0;
  const disagreements: string[] = [];
  for (const [question, answer] of QUESTIONS) {
    let agree = 0;
    let yes = 0;
    let missed = 0;
    let falseAlarms = 0;
    for (const row of rows) {
      const reviewer = row[question] === 'y';
      const tool = answer(rulesByFile.get(row.file) ?? new Set());
      if (reviewer) yes++;
      if (reviewer === tool) agree++;
      else {
        if (reviewer) missed++;
        else falseAlarms++;
        disagreements.push(
          `  ${question.padEnd(16)} ${row.file}: reviewer ${reviewer ? 'y' : 'n'}, secpolicy ${tool ? 'y' : 'n'}`,
        );
      }
    }
    agreements += agree;
    console.log(
      `${question.padEnd(18)} ${percent(agree, rows.length).padStart(6)} ${String(yes).padStart(16)} ${String(missed).padStart(7)} ${String(falseAlarms).padStart(6)}`,
    );
  }
  console.log(
    `${'overall'.padEnd(18)} ${percent(agreements, rows.length * QUESTIONS.length).padStart(6)}  (${agreements} of ${rows.length * QUESTIONS.length} answers)`,
  );
  if (verbose && disagreements.length > 0) console.log(`\nDisagreements:\n${disagreements.join('\n')}`);
}

if (!existsSync(CORPUS)) {
  console.error(`bench:accuracy: the corpus is not at ${CORPUS}: check out ../shared beside the repository.`);
  process.exit(2);
}
if (onlyAt !== -1 && only !== 'compose' && only !== 'policies') {
  console.error('bench:accuracy: --only takes "compose" or "policies".');
  process.exit(2);
}
if (only !== 'policies') composeAccuracy();
if (only !== 'compose') policyAccuracy();
