import { fileName } from '../../core/paths';
import type { RelatedLocation, Rule } from '../../core/types';
import type { PolicyModel } from '../../formats/policy/model';
import { breachesIn, deploymentProjects, promiseProjects } from '../utils/promises';

/** How many breaches the message names; the related locations list them all. */
const NAMED = 1;

export const unkeptPromise: Rule<PolicyModel> = {
  meta: {
    id: 'policy/unkept-promise',
    kind: 'policy',
    defaultSeverity: 'warning',
    description:
      'The policy promises something about the deployment (non-root, read-only, no default passwords…) that its Compose files break.',
    messages: {
      broken: 'The deployment does not keep this promise: {{first}}{{more}}',
      unknownServices:
        'This promise names {{names}}, but the Compose files ({{files}}) have no such service: name the services as the deployment does.',
    },
  },
  check(model, context) {
    if (model.promises.length === 0 || !context.facts.deployment) return;
    const projects = deploymentProjects(context.facts.deployment());
    if (projects.length === 0) return;
    for (const promise of model.promises) {
      const related: RelatedLocation[] = [];
      const seen = new Set<string>();
      const { scoped, unknown } = promiseProjects(promise, projects);
      for (const { project, facts, scope } of scoped) {
        for (const file of project.files) {
          for (const breach of breachesIn(file.model, promise, scope, facts, context)) {
            const key = `${file.path}:${breach.start}:${breach.end}`;
            if (seen.has(key)) continue;
            seen.add(key);
            related.push({ path: file.path, start: breach.start, end: breach.end, message: breach.what });
          }
        }
      }
      const severity = promise.hedged ? 'info' : undefined;
      if (related.length > 0) {
        const more = related.length - NAMED;
        context.report({
          messageId: 'broken',
          data: {
            first: `${related[0].message} (${fileName(related[0].path!)})`,
            more: more > 0 ? ` And ${more} more place${more === 1 ? '' : 's'}.` : '',
          },
          start: promise.start,
          end: promise.end,
          related,
          ...(severity ? { severity } : {}),
        });
      } else if (scoped.length === 0 && unknown.size > 0) {
        const files = projects.flatMap(({ project }) => project.files.map((file) => fileName(file.path)));
        context.report({
          messageId: 'unknownServices',
          data: {
            names: [...unknown].map((name) => `"${name}"`).join(', '),
            files: [...new Set(files)].join(', '),
          },
          start: promise.start,
          end: promise.end,
          severity: 'info',
        });
      }
    }
  },
};
