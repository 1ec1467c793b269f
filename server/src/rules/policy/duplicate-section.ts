import type { Rule } from '../../core/types';
import type { PolicyModel, Section } from '../../formats/policy/model';
import type { SectionMeaning } from '../../formats/policy/vocabulary';

/** Meanings where two sections give readers two answers to one question. "In scope" beside "Out of scope" is fine. */
const SINGLE_ANSWER: SectionMeaning[] = [
  'reporting',
  'supported-versions',
  'response',
  'disclosure',
  'safe-harbor',
  'encryption',
  'bounty',
];

const LABELS: Record<SectionMeaning, string> = {
  reporting: 'how to report',
  'supported-versions': 'supported versions',
  response: 'what happens after a report',
  disclosure: 'disclosure',
  scope: 'scope',
  'safe-harbor': 'safe harbor',
  encryption: 'encryption',
  bounty: 'rewards',
  credits: 'credits',
};

export const duplicateSection: Rule<PolicyModel> = {
  meta: {
    id: 'policy/duplicate-section',
    kind: 'policy',
    defaultSeverity: 'warning',
    description:
      'Two sections answer the same question (two reporting sections, two supported-versions sections), so readers may follow the stale one.',
    messages: {
      duplicate: '"{{title}}" repeats "{{firstTitle}}" (both about {{topic}}): merge them so readers get one answer.',
    },
  },
  check(model, context) {
    const seen: Section[] = [];
    for (const section of model.sections) {
      const { meaning } = section;
      if (!meaning || !SINGLE_ANSWER.includes(meaning) || !section.primary) continue;
      const first = seen.find(
        (other) => other.meaning === meaning && other.depth === section.depth && other.parent === section.parent,
      );
      if (!first) {
        seen.push(section);
        continue;
      }
      context.report({
        messageId: 'duplicate',
        data: { title: section.title, firstTitle: first.title, topic: LABELS[meaning] },
        start: section.headingStart,
        end: section.headingEnd,
      });
    }
  },
};
