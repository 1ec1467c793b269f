import { parseArgs } from 'node:util';
import { SEVERITY_SETTINGS } from '../engine/config';
import type { Config, SeveritySetting } from '../core/types';
import { ruleIds } from '../rules';
import { UsageError } from './io';

export const USAGE = `Usage: secpolicy [options] [paths...]
       secpolicy init --contact <email|url> [--template minimal|standard|comprehensive] [--project <name>]
                      [--project-version <version>] [--force]

Lints SECURITY.md policies, security.txt, Docker Compose and .env files. Folders are searched
for SECURITY.md, security.txt, compose.y(a)ml, docker-compose.y(a)ml, *compose*.y(a)ml, .env,
.env.* and *.env files, honouring .gitignore and skipping node_modules and .git. With no path,
the current folder is linted.

Options:
  -f, --format <stylish|json|sarif|github>
                                      Output format (default: stylish); github writes annotations
                                      (workflow commands) for a GitHub Actions log
  -o, --output <file>                 Write the report to a file instead of standard output
      --fix                           Apply the fixes that are safe without review, then report what remains
      --fix-dry-run                   Print the --fix changes as a diff; write nothing
      --fail-on <error|warning|info>  Exit 1 on a finding of this severity or above (default: error)
      --max-warnings <n>              Exit 1 when there are more than n warnings
  -q, --quiet                         Report errors only
      --rule <id>:<severity>          Set a rule's severity: off, info, warning or error (repeatable)
  -c, --config <file>                 Use this JSON config instead of the nearest .secpolicy.json
      --print-config <file>           Print the configuration that applies to a file, then exit
      --ignore <pattern>              Skip paths matching a .gitignore-style pattern (repeatable)
      --list-rules                    List every rule with its default severity
  -h, --help                          Show this help
  -v, --version                       Show the version

Exit codes: 0 no errors, 1 errors (or findings at --fail-on, or more warnings than --max-warnings),
2 usage, config or read error. Findings turned off by an inline directive never count.`;

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export const FAIL_ON = ['error', 'warning', 'info'] as const;
export type FailOn = (typeof FAIL_ON)[number];
export type Format = (typeof FORMATS)[number];

/** The lint command's options, checked. */
export interface LintOptions {
  help: boolean;
  version: boolean;
  listRules: boolean;
  format: Format;
  output?: string;
  fix: boolean;
  fixDryRun: boolean;
  /** The lowest severity that fails the run. */
  failOn: FailOn;
  maxWarnings?: number;
  quiet: boolean;
  /** Severities given with `--rule`. */
  ruleOverrides: Config;
  config?: string;
  printConfig?: string;
  ignore: string[];
  paths: string[];
}

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

/** Reads the lint command's arguments; a mistake throws a UsageError. */
export function parseLintOptions(argv: string[]): LintOptions {
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
        'fail-on': { type: 'string' },
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
  const values = parsed.values;
  const help = Boolean(values.help);
  const version = Boolean(values.version);
  const listRules = Boolean(values['list-rules']);
  const common = { help, version, listRules, ignore: values.ignore ?? [], paths: parsed.positionals };
  // --help, --version and --list-rules answer before anything else is checked.
  if (help || version || listRules) {
    return {
      ...common,
      format: 'stylish',
      fix: false,
      fixDryRun: false,
      failOn: 'error',
      quiet: false,
      ruleOverrides: { rules: {} },
    };
  }
  const format = (values.format ?? 'stylish') as Format;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`--format must be stylish, json, sarif or github, not "${format}"`);
  }
  const failOn = (values['fail-on'] ?? 'error') as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on must be error, warning or info, not "${failOn}"`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings takes a whole number');
  }
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  return {
    ...common,
    format,
    ...(values.output !== undefined ? { output: values.output } : {}),
    fix: Boolean(values.fix),
    fixDryRun: Boolean(values['fix-dry-run']),
    failOn,
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    quiet: Boolean(values.quiet),
    ruleOverrides: { rules: Object.fromEntries((values.rule ?? []).map(parseRuleOption)) },
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values['print-config'] !== undefined ? { printConfig: values['print-config'] } : {}),
  };
}
