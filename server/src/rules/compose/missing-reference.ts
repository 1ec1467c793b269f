import type { Rule } from '../../core/types';
import type { ComposeModel } from '../../formats/compose/model';

export const missingReference: Rule<ComposeModel> = {
  meta: {
    id: 'compose/missing-reference',
    kind: 'compose',
    defaultSeverity: 'warning',
    description:
      'A file the project names (include:, extends: file:, a required env_file:) cannot be read, so what it holds is not checked.',
    messages: {
      include:
        'The included file {{written}} cannot be read ({{reason}}): its services are not checked, and docker compose will not start.',
      extends:
        'The base {{written}} that a service extends cannot be read ({{reason}}): what the service inherits from it is not checked.',
      missingService: 'This file has no service {{written}} to extend: what the service inherits is not checked.',
      envFile:
        'The env_file {{written}} cannot be read ({{reason}}): its values are not checked, and docker compose will not start without it.',
    },
  },
  check(model, context) {
    const project = model.project;
    if (!project) return;
    for (const missing of project.project.missing) {
      if (missing.file.model !== model) continue;
      const written = JSON.stringify(model.text.slice(missing.start, missing.end));
      const where = { start: missing.start, end: missing.end };
      if (missing.kind === 'include') {
        context.report({ messageId: 'include', data: { written, reason: missing.reason }, ...where });
      } else if (missing.kind === 'env_file') {
        context.report({ messageId: 'envFile', data: { written, reason: missing.reason }, ...where });
      } else if (missing.path === project.file.path && missing.reason.startsWith('no service')) {
        context.report({ messageId: 'missingService', data: { written }, ...where });
      } else {
        context.report({ messageId: 'extends', data: { written, reason: missing.reason }, ...where });
      }
    }
  },
};
