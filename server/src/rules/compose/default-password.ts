import { isSeq, Scalar } from 'yaml';
import { maskSecret, secretWeakness } from '../../engine/secrets';
import type { Fix, Report, Rule, TextEdit } from '../../engine/types';
import type { ComposeModel, EnvEntry, Service } from '../../formats/compose';
import { commandTokens, getNode } from '../../formats/compose';
import { resolveInterpolation, type Resolved } from '../../formats/interpolation';
import { isCredentialKey, reportOnce, requiredVariable } from './helpers';

/** Command-line flags whose next word (or `=value`) is a password. */
const PASSWORD_FLAGS =
  /^--(?:requirepass|masterauth|password|pass|passwd|auth-password|admin-password|root-password)$/i;

function describe(weakness: 'default' | 'short'): string {
  return weakness === 'default' ? 'a well-known default password' : 'a password shorter than 8 characters';
}

/** The variable a fix should require: the one a `${VAR:-default}` already names, else `fallback`. */
function variableName(value: string, resolved: Resolved, fallback: string): string {
  return resolved.literal ? fallback : (/^\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(value)?.[1] ?? fallback);
}

/** `edit` turns the required-variable text into the edit that puts it in place. */
function variableFix(name: string, edit: (value: string) => TextEdit): Fix {
  return {
    title: `Require ${name} from the environment (\${${name}:?…})`,
    edits: [edit(requiredVariable(name))],
    preferred: true,
  };
}

function isQuoteBefore(text: string, offset: number): boolean {
  return text[offset - 1] === '"' || text[offset - 1] === "'";
}

function checkEnvironment(model: ComposeModel, service: Service, entry: EnvEntry, report: (report: Report) => void) {
  if (entry.value === undefined || !isCredentialKey(entry.name)) return;
  const resolved = resolveInterpolation(entry.value, () => undefined);
  if (resolved.value === undefined) return;
  const weakness = secretWeakness(resolved.value);
  if (!weakness) return;
  const source =
    entry.exact && resolved.source ? resolved.source : { start: 0, end: entry.valueEnd - entry.valueStart };
  // A default in `${VAR:-postgres}` names the variable the fix should require.
  const variable = variableName(entry.value, resolved, entry.name);
  // In a flow collection a plain scalar cannot hold `{` or `}`: the new value, or the whole
  // `KEY=value` item, is quoted there.
  const edit = (value: string): TextEdit => {
    if (entry.flow && entry.form === 'map' && !isQuoteBefore(model.text, entry.valueStart)) {
      return { start: entry.valueStart, end: entry.valueEnd, newText: `"${value}"` };
    }
    if (entry.flow && entry.form === 'list' && !isQuoteBefore(model.text, entry.nameStart)) {
      const item = model.text.slice(entry.nameStart, entry.valueStart) + value;
      return { start: entry.nameStart, end: entry.valueEnd, newText: JSON.stringify(item) };
    }
    return { start: entry.valueStart, end: entry.valueEnd, newText: value };
  };
  report({
    message: `${entry.name} in service "${service.name}" is ${describe(weakness)} (${maskSecret(resolved.value)}).`,
    start: entry.valueStart + source.start,
    end: entry.valueStart + source.end,
    fixes: entry.exact ? [variableFix(variable, edit)] : [],
  });
}

function checkCommand(model: ComposeModel, service: Service, report: (report: Report) => void) {
  for (const key of ['command', 'entrypoint'] as const) {
    const node = getNode(model.doc, service.map, key);
    const flow = isSeq(node) ? Boolean(node.flow) : Boolean(service.map.flow);
    const tokens = commandTokens(model, service.map, key);
    tokens.forEach((token, index) => {
      const equals = token.value.indexOf('=');
      const flag = equals === -1 ? token.value : token.value.slice(0, equals);
      if (!PASSWORD_FLAGS.test(flag)) return;
      const target =
        equals === -1
          ? tokens[index + 1]
          : {
              ...token,
              value: token.value.slice(equals + 1),
              start: token.exact ? token.start + equals + 1 : token.start,
            };
      if (!target || target.value.startsWith('-')) return;
      const resolved = resolveInterpolation(target.value, () => undefined);
      if (resolved.value === undefined) return;
      const weakness = secretWeakness(resolved.value);
      if (!weakness) return;
      const source = target.exact && resolved.source ? resolved.source : { start: 0, end: target.end - target.start };
      const variable = variableName(
        target.value,
        resolved,
        `${service.name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_PASSWORD`,
      );
      // A plain word in a flow list cannot hold `{` or `}`: the whole item is quoted there.
      const edit = (value: string): TextEdit => {
        const range = target.node.range;
        if (flow && target.node.type === Scalar.PLAIN && range) {
          const item = model.text.slice(range[0], target.start) + value + model.text.slice(target.end, range[1]);
          return { start: range[0], end: range[1], newText: JSON.stringify(item) };
        }
        return { start: target.start, end: target.end, newText: value };
      };
      report({
        message: `${flag} in service "${service.name}" is ${describe(weakness)} (${maskSecret(resolved.value)}).`,
        start: target.start + source.start,
        end: target.start + source.end,
        fixes: target.exact ? [variableFix(variable, edit)] : [],
      });
    });
  }
}

export const defaultPassword: Rule<ComposeModel> = {
  meta: {
    id: 'compose/default-password',
    kind: 'compose',
    defaultSeverity: 'error',
    description: 'A credential is set to a well-known default or a trivially short value.',
  },
  check(model, context) {
    const report = reportOnce(context);
    for (const service of model.services) {
      for (const entry of service.environment) checkEnvironment(model, service, entry, report);
      checkCommand(model, service, report);
    }
  },
};
