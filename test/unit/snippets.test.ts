import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../server/src/rules';

const ROOT = join(__dirname, '..', '..');

interface Snippet {
  prefix: string | string[];
  description?: string;
  body: string[];
}

/** A snippet as inserted when every placeholder keeps its default (the first choice). */
function expand(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

function snippets(file: string): Record<string, Snippet> {
  return JSON.parse(readFileSync(join(ROOT, 'snippets', file), 'utf8'));
}

function problems(kind: 'policy' | 'compose', text: string): string[] {
  return lintText(kind, text)
    .findings.filter((finding) => finding.severity !== 'info')
    .map((finding) => `${finding.ruleId}: ${finding.message}`);
}

describe('snippets', () => {
  it('the whole-policy snippet, with its defaults, lints with no error or warning', () => {
    const policy = expand(snippets('markdown.json')['Security policy'].body).replace(
      'security@example.com',
      'security@acme.dev',
    );
    assert.deepEqual(problems('policy', policy), []);
  });

  for (const name of ['Hardened Compose service', 'Filtering Docker socket proxy']) {
    it(`"${name}", inside a services map, lints with no error or warning`, () => {
      const body = expand(snippets('compose.json')[name].body)
        .split('\n')
        .map((line) => (line ? `  ${line}` : line))
        .join('\n');
      const text = `services:\n${body}\nnetworks:\n  socket-proxy: {}\n`;
      assert.deepEqual(problems('compose', text), []);
    });
  }

  it('every snippet has a prefix, a description and a body', () => {
    for (const file of ['markdown.json', 'compose.json']) {
      for (const [name, snippet] of Object.entries(snippets(file))) {
        assert.ok(snippet.prefix.length > 0 && snippet.body.length > 0, `${file}: ${name}`);
        assert.ok(snippet.description, `${file}: ${name} has a description`);
      }
    }
  });
});
