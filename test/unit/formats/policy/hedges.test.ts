import assert from 'node:assert/strict';
import { parsePolicy } from '../../../../server/src/formats/policy/parse';

/** The hedges read for each duration of `text`. */
function hedges(text: string): [string, string[]][] {
  return parsePolicy(text).durations.map((duration) => [
    duration.text,
    duration.hedges.map((hedge) => text.slice(hedge.start, hedge.end)),
  ]);
}

describe('policy prose: hedges', () => {
  it('finds each class of hedge where it reaches the duration', () => {
    const cases: [string, [string, string[]][]][] = [
      ['We aim to respond within 48 hours.', [['48 hours', ['aim']]]],
      ['Our goal is to ship a fix within two weeks.', [['two weeks', ['Our goal is']]]],
      ['Wir werden uns bemühen, Ihre Meldung innerhalb von 48 Stunden zu bestätigen.', [['48 Stunden', ['bemühen']]]],
      ['You should receive a response within 24 hours.', [['24 hours', ['should']]]],
      ['Fixes may take up to 90 days.', [['90 days', ['may']]]],
      ['Responses usually arrive within 12 hours.', [['12 hours', ['usually']]]],
      ['Wir antworten üblicherweise innerhalb von 2 Werktagen.', [['2 Werktagen', ['üblicherweise']]]],
      ['We respond within 48 hours in most cases.', [['48 hours', ['in most cases']]]],
      [
        'Normally, your report is acknowledged within 5 days, and you get a response within 10 days.',
        [
          ['5 days', ['Normally']],
          ['10 days', ['Normally']],
        ],
      ],
      ['We will respond within 2 days or as soon as possible.', [['2 days', ['as soon as possible']]]],
      ['Vulnerabilities are fixed within 90 days, depending on the severity.', [['90 days', ['depending on']]]],
      ['We reply within 2 days, but this may vary.', [['2 days', ['may vary']]]],
      [
        'We respond within 5 business days or a reasonable timeframe.',
        [['5 business days', ['a reasonable timeframe']]],
      ],
      [
        'A fix ships within 7 days for critical issues and 30 days for others, though complex issues may take longer.',
        [
          ['7 days', ['may take longer']],
          ['30 days', ['may take longer']],
        ],
      ],
      [
        'We reply within 48 hours, but as the project is small and growing, do not count on it.',
        [['48 hours', ['do not count on']]],
      ],
      ['We respond within 48 hours unless the team is away.', [['48 hours', ['unless']]]],
      ['Fixes ship within 30 days where possible.', [['30 days', ['where possible']]]],
      ['We do not guarantee a reply within 5 business days.', [['5 business days', ['do not guarantee']]]],
      ["Don't count on a reply within 3 days.", [['3 days', ["Don't count on"]]]],
      [
        'We strive to answer within 48 hours, so do not expect replies within any specific time frame.',
        [['48 hours', ['strive', 'do not expect']]],
      ],
      [
        'You can expect an answer within 3 days, in rare cases within a month.',
        [
          ['3 days', ['in rare cases']],
          ['a month', []],
        ],
      ],
      // The next sentence, when it refers back to the time.
      [
        'We reply within 48 hours. These are targets, not guarantees.',
        [['48 hours', ['are targets', 'not guarantees']]],
      ],
      ['Fixes ship within 90 days. If an extension is needed, we tell you.', [['90 days', ['an extension']]]],
      ['We reply within 2 days. These timelines may extend in August.', [['2 days', ['may extend']]]],
      ['Fixes ship within 30 days. This may depend on the severity.', [['30 days', ['depend on']]]],
      ['We reply within 2 days. That may not always be possible.', [['2 days', ['not always be possible']]]],
    ];
    for (const [text, expected] of cases) assert.deepEqual(hedges(text), expected, text);
  });

  it('leaves look-alikes alone', () => {
    const cases: string[] = [
      // Asked of the reporter, or about another clause.
      'Please try to include a proof of concept; we reply within 3 days.',
      'You may also email us and we reply within 2 days.',
      'If you do not receive an acknowledgement within 6 business days, you may escalate.',
      'If you have not heard back within 7 days, you should follow up.',
      'Reports may be sent by email, and we respond within 48 hours.',
      'We usually publish on Tuesdays and reply within 2 days.',
      'We acknowledge reports within 48 hours and fix them as soon as possible.',
      'We acknowledge reports within 48 hours and ship a fix in a reasonable timeframe.',
      'We acknowledge reports within 2 days and fix times depend on severity.',
      'We cannot promise a fix date, but we acknowledge every report within 2 days.',
      'No guarantees on fixes, but we reply within 48 hours.',
      // Firm words that look like hedges.
      'We guarantee a response within 48 hours. You can expect a reply within 24 hours.',
      'This is a firm commitment, not a best-effort target: we respond within 2 days.',
      'We acknowledge every report without delay, within 24 hours.',
      'Usually we reply within 12 hours, and always within two days.',
      'Reports are triaged within 2 working days, often much sooner.',
      // A range that the severity explains.
      'Fixes ship within 1-4 weeks depending on severity.',
      // The next sentence is about something else.
      'We reply within 2 days. Browser extensions are out of scope.',
      'We reply within 2 days. Fix times may depend on the severity.',
      'We reply within 2 days. Fixes follow as soon as we can, with no guarantees about features.',
    ];
    for (const text of cases) {
      assert.deepEqual(
        hedges(text).filter(([, words]) => words.length > 0),
        [],
        text,
      );
    }
  });
});
