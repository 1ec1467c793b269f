import type { Rule, TextEdit } from '../../core/types';
import { lineEnd, lineStart } from '../../core/text';
import type { PolicyModel } from '../../formats/policy/model';

/** A line has nothing on it, or there is no line: the document starts or ends there. */
function isBlankLine(text: string, start: number): boolean {
  return start >= text.length || text.slice(start, lineEnd(text, start)).trim() === '';
}

/**
 * An edit that removes a fence line. It goes with its line break when a blank line (or the start or
 * end of the document) is beside it; otherwise the line is emptied, so that it still parts the text
 * before the fence from the text inside it, as the fence did.
 */
function removeFenceLine(text: string, line: { start: number; end: number }): TextEdit {
  const breakEnd = text.startsWith('\r\n', line.end) ? line.end + 2 : Math.min(line.end + 1, text.length);
  const firstLine = line.start === 0 || (line.start === 1 && text.startsWith('\uFEFF'));
  const blankBefore = firstLine || isBlankLine(text, lineStart(text, line.start - 1));
  const blankAfter = isBlankLine(text, breakEnd);
  return { start: line.start, end: blankBefore || blankAfter ? breakEnd : line.end, newText: '' };
}

export const fencedPolicy: Rule<PolicyModel> = {
  meta: {
    id: 'policy/fenced-policy',
    kind: 'policy',
    defaultSeverity: 'warning',
    description:
      'The policy is written inside a code block, so GitHub shows it as raw Markdown: no headings, no working links.',
    messages: {
      wrapped:
        'The policy is inside a code block: GitHub shows it as raw Markdown, with no headings and no working links. Remove the fences around it.',
      unclosed:
        'This code block is never closed and holds the policy to the end of the file: GitHub shows it as raw Markdown, with no headings and no working links. Remove the fence.',
    },
    fixable: 'unattended',
  },
  check(model, context) {
    const fence = model.policyFence;
    if (!fence) return;
    const { text } = model;
    const edits = [removeFenceLine(text, fence.opening)];
    if (fence.closing) edits.push(removeFenceLine(text, fence.closing));
    context.report({
      messageId: fence.closing ? 'wrapped' : 'unclosed',
      start: fence.opening.start,
      end: fence.opening.end,
      fixes: [
        {
          title: fence.closing ? 'Remove the code fences around the policy' : 'Remove the unclosed code fence',
          edits,
          preferred: true,
        },
      ],
    });
  },
};
