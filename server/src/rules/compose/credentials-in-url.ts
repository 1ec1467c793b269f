import { isSeq, Scalar } from 'yaml';
import type { Fix, Rule, TextEdit } from '../../core/types';
import { type ComposeModel } from '../../formats/compose/model';
import { commandTokens, urlPasswords } from '../../formats/compose/specs';
import { getNode } from '../../formats/compose/yaml';
import { originNote, siteRange, valueSites, type ValueSite } from '../../formats/compose/resolve';
import { dotenvSetEdit, requiredVariable, serviceVariable } from '../utils/compose-edits';
import { reportOnce } from '../utils/report-once';
import { maskSecret } from '../../secrets/mask';

/** `DATABASE_URL` gives `DATABASE_PASSWORD`. */
function passwordVariable(name: string): string {
  const base = name.replace(/_(?:URL|URI|DSN|CONNECTION(?:_STRING)?|CONN|ADDR(?:ESS)?|ENDPOINT|HOST)$/i, '');
  return `${base.toUpperCase().replace(/[^A-Z0-9_]+/g, '_')}_PASSWORD`;
}

/** Whether a value comes from a file named `.env` (the project's, or one an env_file: names). */
function fromProjectDotenv(site: ValueSite): boolean {
  const path = site.origin?.file === 'dotenv' ? (site.origin.path ?? '.env') : '';
  return path === '.env' || path.endsWith('/.env') || path.endsWith('\\.env');
}

export const credentialsInUrl: Rule<ComposeModel> = {
  meta: {
    id: 'compose/credentials-in-url',
    kind: 'compose',
    defaultSeverity: 'error',
    description: 'A connection URL carries a literal password (scheme://user:password@host).',
    messages: {
      urlPassword:
        '{{name}} in service "{{service}}" has a literal password in its {{scheme}}:// URL ({{masked}}): interpolate it from .env instead.',
      urlPasswordInFile:
        '{{name}} in service "{{service}}" has a literal password in its {{scheme}}:// URL ({{masked}}){{origin}}: keep the password in its own variable, set outside the repository.',
      urlPasswordInCommand:
        'The {{key}} of service "{{service}}" has a literal password in {{article}} {{scheme}}:// URL ({{masked}}): interpolate it from .env instead.',
    },
    fixable: 'review',
  },
  check(model, context) {
    const report = reportOnce(context);
    const facts = context.facts;
    const fixesFor = (variable: string, password: string, edit: (text: string) => TextEdit | undefined): Fix[] => {
      const required = edit(requiredVariable(variable));
      if (!required) return [];
      const fixes: Fix[] = [
        // Someone has to choose the password before the deployment starts again: never unattended.
        {
          title: `Take the password from ${variable} (\${${variable}:?…})`,
          edits: [required],
          preferred: true,
          needsReview: true,
        },
      ];
      const stored = dotenvSetEdit(facts, variable, password);
      if (stored) {
        fixes.push({ title: `Move the password to .env as ${variable}`, edits: [required, stored], needsReview: true });
      }
      return fixes;
    };

    for (const site of valueSites(model, facts)) {
      // A file under env_file: is part of the repository, like the Compose file: a URL password
      // there is reported on the env_file line, pointing at the value. A `.env` file is where
      // such a password belongs, so its values are not.
      if (site.kind === 'env_file' && site.resolved.value !== undefined && !fromProjectDotenv(site)) {
        for (const found of urlPasswords(site.resolved.value).slice(0, 1)) {
          report({
            messageId: 'urlPasswordInFile',
            data: {
              name: site.name,
              service: site.service.name,
              scheme: found.scheme,
              masked: maskSecret(found.password),
              origin: originNote(site),
            },
            ...siteRange(site),
          });
        }
        continue;
      }
      if (site.kind !== 'environment' || !site.entry) continue;
      const entry = site.entry;
      for (const found of urlPasswords(site.raw)) {
        const start = entry.exact ? entry.valueStart + found.start : entry.valueStart;
        const end = entry.exact ? entry.valueStart + found.end : entry.valueEnd;
        const variable = passwordVariable(site.name);
        const replace = site.replace;
        const fixes =
          entry.exact && replace
            ? fixesFor(variable, found.password, (text) =>
                replace(site.raw.slice(0, found.start) + text + site.raw.slice(found.end)),
              )
            : [];
        report({
          messageId: 'urlPassword',
          data: {
            name: site.name,
            service: site.service.name,
            scheme: found.scheme,
            masked: maskSecret(found.password),
          },
          start,
          end,
          fixes,
        });
      }
    }

    for (const service of model.services) {
      for (const key of ['command', 'entrypoint'] as const) {
        const node = getNode(model.doc, service.map, key);
        const flow = isSeq(node) ? Boolean(node.flow) : Boolean(service.map.flow);
        for (const token of commandTokens(model, service.map, key)) {
          for (const found of urlPasswords(token.value)) {
            const start = token.exact ? token.start + found.start : token.start;
            const end = token.exact ? token.start + found.end : token.end;
            const variable = serviceVariable(service, 'PASSWORD');
            const edit = (text: string): TextEdit | undefined => {
              if (!token.exact) return undefined;
              const range = token.node.range;
              if (flow && token.node.type === Scalar.PLAIN && range) {
                const item = model.text.slice(range[0], start) + text + model.text.slice(end, range[1]);
                return { start: range[0], end: range[1], newText: JSON.stringify(item) };
              }
              return { start, end, newText: text };
            };
            report({
              messageId: 'urlPasswordInCommand',
              data: {
                key,
                service: service.name,
                article: /^[aeiou]/i.test(found.scheme) ? 'an' : 'a',
                scheme: found.scheme,
                masked: maskSecret(found.password),
              },
              start,
              end,
              fixes: fixesFor(variable, found.password, edit),
            });
          }
        }
      }
    }
  },
};
