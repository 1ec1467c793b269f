import { maskSecret, secretWeakness } from '../../engine/secrets';
import type { Fix, Rule, RuleContext } from '../../engine/types';
import type { ComposeModel, EnvEntry, Service } from '../../formats/compose';
import { commandTokens } from '../../formats/compose';
import { resolveInterpolation } from '../../formats/interpolation';
import { isCredentialKey, requiredVariable } from './helpers';

/** Command-line flags whose next word (or `=value`) is a password. */
const PASSWORD_FLAGS =
  /^--(?:requirepass|masterauth|password|pass|passwd|auth-password|admin-password|root-password)$/i;

function describe(weakness: 'default' | 'short'): string {
  return weakness === 'default' ? 'a well-known default password' : 'a password shorter than 8 characters';
}

function variableFix(name: string, start: number, end: number, quote: boolean): Fix {
  const value = requiredVariable(name);
  return {
    title: `Require ${name} from the environment (\${${name}:?…})`,
    edits: [{ start, end, newText: quote ? `"${value}"` : value }],
    preferred: true,
  };
}

function checkEnvironment(service: Service, entry: EnvEntry, context: RuleContext) {
  if (entry.value === undefined || !isCredentialKey(entry.name)) return;
  const resolved = resolveInterpolation(entry.value, () => undefined);
  if (resolved.value === undefined) return;
  const weakness = secretWeakness(resolved.value);
  if (!weakness) return;
  const source =
    entry.exact && resolved.source ? resolved.source : { start: 0, end: entry.valueEnd - entry.valueStart };
  // A default in `${VAR:-postgres}` names the variable the fix should require.
  const variable = resolved.literal
    ? entry.name
    : (/^\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(entry.value)?.[1] ?? entry.name);
  const quote = entry.flow && entry.form === 'map' && entry.exact;
  context.report({
    message: `${entry.name} in service "${service.name}" is ${describe(weakness)} (${maskSecret(resolved.value)}).`,
    start: entry.valueStart + source.start,
    end: entry.valueStart + source.end,
    fixes: entry.exact ? [variableFix(variable, entry.valueStart, entry.valueEnd, quote)] : [],
  });
}

function checkCommand(model: ComposeModel, service: Service, context: RuleContext) {
  for (const key of ['command', 'entrypoint'] as const) {
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
      const variable = `${service.name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_PASSWORD`;
      context.report({
        message: `${flag} in service "${service.name}" is ${describe(weakness)} (${maskSecret(resolved.value)}).`,
        start: target.start,
        end: target.end,
        fixes: target.exact ? [variableFix(variable, target.start, target.end, false)] : [],
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
    for (const service of model.services) {
      for (const entry of service.environment) checkEnvironment(service, entry, context);
      checkCommand(model, service, context);
    }
  },
};
