import assert from 'node:assert/strict';
import { parsePolicy } from '../../../../server/src/formats/policy/parse';
import { sectionMeaning } from '../../../../server/src/formats/policy/vocabulary';

describe('policy sections: what a heading is about', () => {
  it('names the supported versions in several languages, and not the hearing of fixes', () => {
    const cases: [string, string | undefined][] = [
      ['Supported Versions', 'supported-versions'],
      ['Security Updates', 'supported-versions'],
      ['Unterstützte Versionen', 'supported-versions'],
      ['Versiones Soportadas', 'supported-versions'],
      ['サポートヴァージョン', 'supported-versions'],
      ['サポート対象バージョン / Supported Versions', 'supported-versions'],
      ['支持的版本', 'supported-versions'],
      ['Security Updates and Announcements', 'disclosure'],
      ['Receiving security updates', undefined],
      ['Supported versions and security notifications', 'supported-versions'],
      ['Runtime Requirements', undefined],
      ['Python Version Requirements', undefined],
    ];
    for (const [title, meaning] of cases) assert.equal(sectionMeaning(title), meaning, title);
  });

  it('a version heading under a requirements section is a requirement', () => {
    const model = parsePolicy(
      '# Security\n\n## Runtime Requirements\n\n### Node.js Version\n\nNode.js 22 or later.\n\n## Versions\n\n### Server\n\nThe 2.x line.\n',
    );
    assert.deepEqual(
      model.sections.map((section) => [section.title, section.meaning]),
      [
        ['Security', undefined],
        ['Runtime Requirements', undefined],
        ['Node.js Version', undefined],
        ['Versions', 'supported-versions'],
        ['Server', undefined],
      ],
    );
  });
});
