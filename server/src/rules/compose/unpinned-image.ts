import type { Rule } from '../../core/types';
import type { ComposeModel } from '../../formats/compose/model';
import { resolveInterpolation } from '../../formats/compose/interpolation';
import { overriddenLater } from '../../formats/compose/project';
import { dotenvLookup } from '../../formats/compose/resolve';
import { reportOnce } from '../utils/report-once';

/** The tag of an image reference, or undefined when it has none; a digest counts as pinned. */
function imageTag(reference: string): { pinned: boolean; tag?: string } {
  if (reference.includes('@')) return { pinned: true };
  const name = reference.slice(reference.lastIndexOf('/') + 1);
  const colon = name.lastIndexOf(':');
  return colon === -1 ? { pinned: false } : { pinned: name.slice(colon + 1) !== 'latest', tag: name.slice(colon + 1) };
}

export const unpinnedImage: Rule<ComposeModel> = {
  meta: {
    id: 'compose/unpinned-image',
    kind: 'compose',
    defaultSeverity: 'off',
    description: 'An image has no tag or uses :latest, so what runs changes whenever it is pulled.',
    messages: {
      noTag:
        'Service "{{service}}" uses {{image}} with no tag, which means :latest: each pull may bring a different image. Pin a version tag, or a digest (@sha256:…).',
      latest:
        'Service "{{service}}" uses {{image}}: each pull may bring a different image. Pin a version tag, or a digest (@sha256:…).',
    },
  },
  check(model, context) {
    const report = reportOnce(context);
    const lookup = dotenvLookup(context.facts);
    for (const service of model.services) {
      // With build:, image: names what is built here.
      if (!service.image || service.build || overriddenLater(model, service, 'image')) continue;
      const reference = resolveInterpolation(service.image.value, lookup).value?.trim();
      if (!reference) continue;
      const { pinned, tag } = imageTag(reference);
      if (pinned) continue;
      report({
        messageId: tag === undefined ? 'noTag' : 'latest',
        data: { service: service.name, image: reference },
        start: service.image.start,
        end: service.image.end,
      });
    }
  },
};
