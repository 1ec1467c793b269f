import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { nextExpires } from '../../common/security-txt';
import { TestClient, fileUri } from '../helpers/lsp-client';

const POLICY_URI = fileUri('/nonexistent/authoring/SECURITY.md');
const COMPOSE_URI = fileUri('/nonexistent/authoring/compose.yaml');
const SECURITY_TXT_URI = fileUri('/nonexistent/authoring/.well-known/security.txt');

describe('completion and hover over the protocol', () => {
  let client: TestClient;
  beforeEach(async () => {
    client = await TestClient.inProcess({ settings: {} });
  });
  afterEach(async () => client.stop());

  it('offers the missing policy sections, in canonical order, at a heading', async () => {
    const text = '# Security\n\n## Reporting a Vulnerability\n\nMail us.\n\n##';
    await client.open(POLICY_URI, text);
    const items = await client.completion(POLICY_URI, { line: 6, character: 2 });
    assert.deepEqual(
      items.map((item) => item.label),
      [
        '## Supported Versions',
        '## What to Expect',
        '## Disclosure Policy',
        '## Scope',
        '## Safe Harbor',
        '## Encrypted Reports',
        '## Bug Bounty',
      ],
    );
  });

  it('offers supported markers in a versions table and durations after "within"', async () => {
    const text = '| Version | Supported |\n| --- | --- |\n| 1.x | \n\nWe reply within ';
    await client.open(POLICY_URI, text);
    const markers = await client.completion(POLICY_URI, { line: 2, character: 8 });
    assert.deepEqual(
      markers.map((item) => item.label),
      ['✅', '❌', ':white_check_mark:', ':x:'],
    );
    const durations = await client.completion(POLICY_URI, { line: 4, character: 16 });
    assert.equal(durations[0].label, '24 hours');
    assert.ok(durations.some((item) => item.label === '3 business days'));
  });

  it('offers the hardening keys a half-typed service lacks', async () => {
    const text = 'services:\n  api:\n    image: acme/api:1.0\n    read_only: true\n    se\n';
    await client.open(COMPOSE_URI, text, 'yaml');
    const items = await client.completion(COMPOSE_URI, { line: 4, character: 6 });
    assert.deepEqual(
      items.map((item) => [item.label, item.insertText]),
      [
        ['cap_drop', 'cap_drop:\n      - ALL'],
        ['security_opt', 'security_opt:\n      - no-new-privileges:true'],
        ['user', 'user: "${1:10001:10001}"'],
        ['tmpfs', 'tmpfs:\n      - /tmp'],
      ],
    );
  });

  it('offers a required variable for a credential-shaped environment key, in both forms', async () => {
    const text = 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: \n      - REDIS_PASSWORD=\n';
    await client.open(COMPOSE_URI, text, 'yaml');
    const mapForm = await client.completion(COMPOSE_URI, { line: 3, character: 25 });
    assert.deepEqual(
      mapForm.map((item) => item.label),
      ['${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}'],
    );
    const listForm = await client.completion(COMPOSE_URI, { line: 4, character: 23 });
    assert.deepEqual(
      listForm.map((item) => item.label),
      ['${REDIS_PASSWORD:?set REDIS_PASSWORD in .env}'],
    );
  });

  it('offers the security.txt fields at the start of a line, with Expires dated just under a year ahead', async () => {
    await client.open(SECURITY_TXT_URI, 'Contact: mailto:security@acme.dev\nPreferred-Languages: en\nEx', 'plaintext');
    // The server reads the clock when asked: the date is the one of the day before or after the request.
    const dates = [nextExpires(new Date().toISOString()) ?? ''];
    const items = await client.completion(SECURITY_TXT_URI, { line: 2, character: 2 });
    dates.push(nextExpires(new Date().toISOString()) ?? '');
    // Preferred-Languages is allowed once and the file has it; Contact may repeat.
    assert.deepEqual(
      items.map((item) => item.label),
      ['Contact', 'Expires', 'Encryption', 'Acknowledgments', 'Canonical', 'Policy', 'Hiring', 'CSAF'],
    );
    const expires = items[1].textEdit as { range: unknown; newText: string };
    assert.deepEqual(expires.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } });
    assert.ok(dates.includes(expires.newText.replace('Expires: ', '')), expires.newText);
    assert.equal((items[0].textEdit as { newText: string }).newText, 'Contact: ');
  });

  it('offers mailto: and https:// after Contact, a date after Expires, and nothing after other fields', async () => {
    await client.open(SECURITY_TXT_URI, 'Contact: ma\nExpires: \nPolicy: ', 'plaintext');
    const schemes = await client.completion(SECURITY_TXT_URI, { line: 0, character: 11 });
    assert.deepEqual(
      schemes.map((item) => [item.label, item.textEdit]),
      [
        [
          'mailto:',
          { range: { start: { line: 0, character: 9 }, end: { line: 0, character: 11 } }, newText: 'mailto:' },
        ],
        [
          'https://',
          { range: { start: { line: 0, character: 9 }, end: { line: 0, character: 11 } }, newText: 'https://' },
        ],
      ],
    );
    const dates = [nextExpires(new Date().toISOString())];
    const date = await client.completion(SECURITY_TXT_URI, { line: 1, character: 9 });
    dates.push(nextExpires(new Date().toISOString()));
    assert.equal(date.length, 1);
    assert.ok(dates.includes(date[0].label), date[0].label);
    assert.deepEqual(date[0].textEdit, {
      range: { start: { line: 1, character: 9 }, end: { line: 1, character: 9 } },
      newText: date[0].label,
    });
    assert.deepEqual(await client.completion(SECURITY_TXT_URI, { line: 2, character: 8 }), []);
  });

  it('explains a security-relevant Compose key on hover, without repeating the diagnostic, and answers null elsewhere', async () => {
    const text = 'services:\n  app:\n    image: acme/app:1.0\n    privileged: true\n';
    await client.open(COMPOSE_URI, text, 'yaml');
    const onKey = await client.hover(COMPOSE_URI, { line: 3, character: 6 });
    const value = (onKey?.contents as MarkupContent).value;
    // The editor shows the diagnostic's message and rule page itself: the hover adds what the key means.
    assert.equal(
      value,
      '`privileged: true` gives the container every capability and every host device, with no seccomp or AppArmor confinement: root in it is root on the host.',
    );
    assert.equal(await client.hover(COMPOSE_URI, { line: 0, character: 2 }), null);
  });

  it('explains a security.txt field on hover, with its RFC 9116 section, and nothing on its value', async () => {
    const uri = fileUri('/nonexistent/authoring/.well-known/security.txt');
    await client.open(
      uri,
      'Contact: mailto:security@acme.dev\nexpires: 2020-01-01T00:00:00.000Z\nContacts: x\n',
      'plaintext',
    );
    const expires = await client.hover(uri, { line: 1, character: 3 });
    assert.equal(
      (expires?.contents as MarkupContent).value,
      '**Expires** (RFC 9116, section 2.5.5): the date and time after which the file is stale, in RFC 3339 (`2027-01-31T23:00:00.000Z`). Required, once; less than a year ahead is recommended.',
    );
    assert.equal(
      ((await client.hover(uri, { line: 0, character: 0 }))?.contents as MarkupContent).value.split(':')[0],
      '**Contact** (RFC 9116, section 2.5.3)',
    );
    // The value, and a name no registry defines (its diagnostic says so), get no hover.
    assert.equal(await client.hover(uri, { line: 0, character: 20 }), null);
    assert.equal(await client.hover(uri, { line: 2, character: 3 }), null);
  });

  it('answers positions past the end of the document without an error', async () => {
    await client.open(POLICY_URI, '# Security\n');
    const items = await client.completion(POLICY_URI, { line: 99, character: 99 });
    assert.equal(items[0].label, '## Supported Versions');
    for (const item of items) {
      const edit = item.textEdit as { range: { start: { line: number }; end: { line: number; character: number } } };
      assert.deepEqual([edit.range.start.line, edit.range.end.line, edit.range.end.character], [1, 1, 0]);
    }
    assert.equal(await client.hover(POLICY_URI, { line: 99, character: 99 }), null);
  });
});
