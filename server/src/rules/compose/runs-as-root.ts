import type { Rule } from '../../core/types';
import { type ComposeModel } from '../../formats/compose/model';
import { getNode, stringRef } from '../../formats/compose/yaml';
import { resolveInterpolation } from '../../formats/compose/interpolation';
import { overriddenLater } from '../../formats/compose/project';
import { dotenvLookup } from '../../formats/compose/resolve';
import { reportOnce } from '../utils/report-once';

export const runsAsRoot: Rule<ComposeModel> = {
  meta: {
    id: 'compose/runs-as-root',
    kind: 'compose',
    defaultSeverity: 'warning',
    description: 'A service sets user: root (or uid 0) explicitly.',
    messages: {
      root: 'Service "{{service}}" runs as root (user: {{user}}): whoever takes over its process is root in the container, and root on the host if they get out. Run it as an unprivileged user.',
    },
  },
  check(model, context) {
    const report = reportOnce(context);
    const lookup = dotenvLookup(context.facts);
    for (const service of model.services) {
      const ref = stringRef(model.text, getNode(model.doc, service.map, 'user'));
      if (!ref || overriddenLater(model, service, 'user')) continue;
      const value = resolveInterpolation(ref.value, lookup).value?.trim();
      const user = value?.split(':')[0];
      if (value === undefined || (user !== 'root' && user !== '0')) continue;
      report({
        messageId: 'root',
        data: { service: service.name, user: value },
        start: ref.start,
        end: ref.end,
      });
    }
  },
};
