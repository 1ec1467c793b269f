import { isMap } from 'yaml';
import type { MessageData, Rule } from '../../core/types';
import { type ComposeModel } from '../../formats/compose/model';
import { entriesOf } from '../../formats/compose/parse';
import { getNode } from '../../formats/compose/yaml';
import { resolveInterpolation } from '../../formats/compose/interpolation';
import { dotenvLookup } from '../../formats/compose/resolve';
import { reportOnce } from '../utils/report-once';
import { maskSecret } from '../../secrets/mask';
import { isConnectionUrlKey, isCredentialKey } from '../../secrets/names';
import { urlPasswords } from '../../formats/compose/specs';

export const secretInBuildArgs: Rule<ComposeModel> = {
  meta: {
    id: 'compose/secret-in-build-args',
    kind: 'compose',
    defaultSeverity: 'warning',
    description: "A credential is passed as a build argument, which stays readable in the image's history.",
    messages: {
      secretArg:
        'Build argument {{name}} of service "{{service}}" is recorded in the image\'s history and metadata, where anyone who pulls the image can read it. Pass it as a build secret (build.secrets) instead.',
      literalSecretArg:
        'Build argument {{name}} of service "{{service}}" ({{masked}}) is recorded in the image\'s history and metadata, where anyone who pulls the image can read it. Pass it as a build secret (build.secrets) instead.',
    },
  },
  check(model, context) {
    const report = reportOnce(context);
    const lookup = dotenvLookup(context.facts);
    for (const service of model.services) {
      const build = getNode(model.doc, service.map, 'build');
      if (!isMap(build)) continue;
      for (const entry of entriesOf(model.doc, model.text, getNode(model.doc, build, 'args'))) {
        const connection = isConnectionUrlKey(entry.name);
        if (!connection && !isCredentialKey(entry.name)) continue;
        const value = entry.value === undefined ? undefined : resolveInterpolation(entry.value, lookup);
        // `ARG` with an empty value passes nothing.
        if (value?.value === '') continue;
        // A connection URL counts when it carries a password, or when .env does not say what it holds.
        if (connection && value?.value !== undefined && urlPasswords(value.value).length === 0) continue;
        // A value written in the file is shown, masked.
        const literal = value?.literal && value.value ? value.value : undefined;
        const data: MessageData = { name: entry.name, service: service.name };
        if (literal !== undefined) data.masked = maskSecret(literal);
        report({
          messageId: literal === undefined ? 'secretArg' : 'literalSecretArg',
          data,
          start: entry.nameStart,
          end: entry.valueEnd,
        });
      }
    }
  },
};
