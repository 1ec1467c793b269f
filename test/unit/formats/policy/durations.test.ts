import assert from 'node:assert/strict';
import { promisesAnswerOrFix } from '../../../../server/src/formats/policy/durations';
import { parsePolicy } from '../../../../server/src/formats/policy/parse';

/** Each duration of `text`: its words in the source, its length in hours, and whether it promises an answer or a fix. */
function durations(text: string): [string, number, boolean][] {
  const model = parsePolicy(text);
  return model.durations.map((duration) => [
    text.slice(duration.start, duration.end),
    duration.hours,
    promisesAnswerOrFix(duration, model),
  ]);
}

describe('policy prose: durations', () => {
  it('reads the ways a duration is written', () => {
    const cases: [string, [string, number][]][] = [
      ['We reply within 48 hours.', [['48 hours', 48]]],
      ['We reply within 24-48 hours.', [['24-48 hours', 48]]],
      ['We reply within 1 to 3 days.', [['1 to 3 days', 72]]],
      ['We reply within 2 business days.', [['2 business days', 48]]],
      ['We reply within one week.', [['one week', 168]]],
      ['We reply within 72h.', [['72h', 72]]],
      ['We follow a 90-day window.', [['90-day', 2160]]],
      ['We acknowledge within three (3) business days.', [['three (3) business days', 72]]],
      ['We reply by the next business day.', [['next business day', 24]]],
      // A line break inside the duration, and the indentation of a list item's later line.
      ['We reply within two\nweeks.', [['two\nweeks', 336]]],
      ['- We reply, and we do so within\n  6 business\n  days.', [['6 business\n  days', 144]]],
      ['Wir bestätigen Ihre Meldung innerhalb von 48 Stunden.', [['48 Stunden', 48]]],
      ['Wir antworten innerhalb von drei Werktagen.', [['drei Werktagen', 72]]],
      [
        '報告の確認：24時間以内、初期評価：3営業日以内、修正：1-4週間',
        [
          ['24時間', 24],
          ['3営業日', 72],
          ['1-4週間', 672],
        ],
      ],
      ['我们会在 48 小时内确认收到报告。', [['48 小时', 48]]],
      [
        'We reply within a few days, at most a couple of weeks.',
        [
          ['a few days', 72],
          ['a couple of weeks', 336],
        ],
      ],
      ['Expect a reply in several business days.', [['several business days', 72]]],
      // Not durations: a date, a version, a few of something else.
      ['Released on 3月1日. See version 2.4. We have a few maintainers.', []],
    ];
    for (const [text, expected] of cases) {
      assert.deepEqual(
        durations(text).map(([words, hours]) => [words, hours]),
        expected,
        text,
      );
    }
  });

  it('tells a promise to answer or fix from a duration about something else', () => {
    const cases: [string, boolean][] = [
      ['We acknowledge reports within 48 hours.', true],
      ['Within 48 hours, a maintainer will get back to you.', true],
      ['Emails will be addressed within 3 business days.', true],
      ['The team will initiate a conversation with the reporter within 3 business days.', true],
      ['Confirmed vulnerabilities will be fixed within 90 days.', true],
      ['Fixes will be developed and released within 90 days from the date of disclosure.', true],
      ['If you have not heard back within 7 days, please follow up.', true],
      ['Critical: Typically addressed within 14 days.', true],
      ['Our SLA is 48 hours for critical issues.', true],
      ['Wir werden Ihre Meldung innerhalb von 48 Stunden bestätigen.', true],
      // Disclosure, embargoes and advisories.
      ['This project follows a 90 day disclosure timeline.', false],
      ['We expect the report date to public disclosure date to be on the order of 14 business days.', false],
      ['After 14 days of the release, publish the corresponding advisory.', false],
      ['Typically, the embargo date is set 72 hours after the CVE is issued.', false],
      ['90 days after the report we disclose the details.', false],
      ['If the reporter does not disclose within one day, we publish the CVE.', false],
      // Periods and lead times: a support window, a minimum, a notice.
      ['Security fixes are provided for 12 months after each release.', false],
      ['Versions released in the last 6 months are supported.', false],
      ['We notify distributors at least a week ahead of the release.', false],
      ['Patched releases come with 7 days notice.', false],
      // Nothing names what the time is for.
      ['New versions are released every 6 weeks.', false],
    ];
    for (const [text, promise] of cases) {
      assert.deepEqual(
        durations(text).map(([, , each]) => each),
        [promise],
        text,
      );
    }
  });

  it('lets the section decide when the sentence names nothing', () => {
    assert.deepEqual(durations('## Fix Team Organization\n\nThese steps are completed within 24 hours.\n'), [
      ['24 hours', 24, true],
    ]);
    assert.deepEqual(durations('## What to Expect\n\n1. Within 3 days we tell you more.\n'), [['3 days', 72, true]]);
    assert.deepEqual(durations('## Release Notes\n\nThese steps are completed within 24 hours.\n'), [
      ['24 hours', 24, false],
    ]);
  });
});
