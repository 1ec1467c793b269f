import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../server/src/rules';
import { PRESET_DESCRIPTIONS, PRESET_NAMES } from '../../server/src/engine/config';
import { configSchema } from '../../server/src/engine/schema';
import { allRules } from '../../server/src/rules';
import { CATALOG } from '../../server/src/formats/compose/catalog';
import { SECURITY_TXT_GLOB } from '../../common/files';

/** Keeps the registry, the rule files, their tests, their docs, the README and the manifest in step. */
const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

function filesUnder(folder: string, extension: string): string[] {
  const found: string[] = [];
  for (const kind of readdirSync(join(ROOT, folder))) {
    if (!existsSync(join(ROOT, folder, kind)) || kind.includes('.')) continue;
    for (const name of readdirSync(join(ROOT, folder, kind))) {
      if (name.endsWith(extension)) found.push(`${kind}/${name.slice(0, -extension.length)}`);
    }
  }
  return found.sort();
}

describe('consistency', () => {
  const ids = allRules.map((rule) => rule.meta.id).sort();

  it('rule ids are unique and named <kind>/<name> after their kind', () => {
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of allRules) {
      assert.match(rule.meta.id, /^(policy|compose|dotenv|securitytxt)\/[a-z0-9-]+$/);
      assert.equal(rule.meta.id.split('/')[0], rule.meta.kind);
    }
  });

  it('every rule file is registered, and every registered rule has its file', () => {
    // Every file of a kind's folder but its registry is a rule; shared rule code lives in rules/utils/.
    const files = filesUnder('server/src/rules', '.ts').filter(
      (id) => !id.startsWith('utils/') && !id.endsWith('/index'),
    );
    assert.deepEqual(files, ids);
  });

  it('every rule has a test table and a docs page, and nothing else has', () => {
    assert.deepEqual(filesUnder('test/unit/rules', '.test.ts'), ids);
    assert.deepEqual(filesUnder('docs/rules', '.md'), ids);
  });

  it('every docs page has its sections in order and states its default severity', () => {
    for (const rule of allRules) {
      const page = read(`docs/rules/${rule.meta.id}.md`);
      // A fence closes only on a run of its own character at least as long, so a page can show a fence inside one.
      let fence = '';
      const headings = page.split('\n').filter((line) => {
        const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
        if (marker && !fence) fence = marker;
        else if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = '';
        return !fence && line.startsWith('## ');
      });
      assert.deepEqual(
        headings,
        ['## Why it matters', '## Bad', '## Good', '## Fix', '## Disable', '## Options'],
        `${rule.meta.id}: sections`,
      );
      assert.ok(page.startsWith(`# ${rule.meta.id}\n`), `${rule.meta.id}: page title is the rule id`);
      assert.ok(
        page.includes(`Default severity: \`${rule.meta.defaultSeverity}\``),
        `${rule.meta.id}: default severity`,
      );
    }
  });

  it('the README rules table lists every rule with its default severity', () => {
    const readme = read('README.md');
    for (const rule of allRules) {
      const row = readme.split('\n').find((line) => line.startsWith(`| [\`${rule.meta.id}\`]`));
      assert.ok(row, `README lists ${rule.meta.id}`);
      assert.ok(row.includes(`| ${rule.meta.defaultSeverity}`), `README gives ${rule.meta.id} its default severity`);
    }
  });

  it('the manifest wires real snippet files, registered commands and explicit activation', () => {
    const manifest = JSON.parse(read('package.json'));
    for (const snippet of manifest.contributes.snippets) {
      const snippets = JSON.parse(read(snippet.path));
      assert.ok(Object.keys(snippets).length > 0, `${snippet.path} has snippets`);
    }
    const client = read('client/src/extension.ts');
    for (const command of manifest.contributes.commands) {
      assert.ok(client.includes(`'${command.command}'`), `${command.command} is registered by the client`);
    }
    assert.deepEqual(
      manifest.activationEvents.filter((event: string) => event.startsWith('onLanguage:')),
      ['onLanguage:markdown', 'onLanguage:yaml', 'onLanguage:dockercompose'],
    );
    // A workspace whose only linted file is a security.txt outside .well-known/ activates too.
    assert.deepEqual(
      manifest.activationEvents.filter((event: string) => event.startsWith('workspaceContains:')),
      [
        'workspaceContains:**/SECURITY.md',
        'workspaceContains:**/security.md',
        'workspaceContains:**/compose.yaml',
        'workspaceContains:**/compose.yml',
        'workspaceContains:**/docker-compose.yaml',
        'workspaceContains:**/docker-compose.yml',
        `workspaceContains:${SECURITY_TXT_GLOB}`,
      ],
    );
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    const ruleSetting = manifest.contributes.configuration.properties['secpolicy.rules'];
    assert.deepEqual(ruleSetting.additionalProperties.enum, ['off', 'info', 'warning', 'error']);
    const presetSetting = manifest.contributes.configuration.properties['secpolicy.preset'];
    assert.deepEqual(presetSetting.enum, PRESET_NAMES);
    assert.deepEqual(
      presetSetting.enumDescriptions,
      PRESET_NAMES.map((name) => PRESET_DESCRIPTIONS[name]),
    );
  });

  it("the project's own SECURITY.md lints clean with the project's own rules", () => {
    const result = lintText('policy', read('SECURITY.md'), {
      facts: { packageVersion: JSON.parse(read('package.json')).version },
    });
    assert.deepEqual(
      result.findings.map((finding) => `${finding.ruleId}: ${finding.message}`),
      [],
    );
  });

  it("the exposed-internal-service docs table shows the catalog's families, images and reasons, in order", () => {
    const rows = read('docs/rules/compose/exposed-internal-service.md')
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| Family') && !line.startsWith('| ---'))
      .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| |\s*\|$/g, '')));
    // The images cell lists image names, then `; command` and the command words, each in backticks.
    const listed = (cell: string | undefined) =>
      cell === undefined || cell.startsWith('—') ? [] : cell.split(', ').map((word) => word.replace(/`/g, ''));
    const described = rows.map(([name, recognised, , , , reason]) => {
      const [images, commands] = recognised.split('; command ');
      return { name, images: listed(images), commands: listed(commands), reason };
    });
    const internal = CATALOG.filter((family) => family.reason !== '').map(({ name, images, commands, reason }) => ({
      name,
      images: [...images],
      commands: [...commands],
      reason,
    }));
    assert.deepEqual(described, internal);
  });

  it('the .secpolicy.json schema lists every rule', () => {
    const written = JSON.parse(read('schemas/secpolicy.schema.json'));
    assert.deepEqual(written, JSON.parse(JSON.stringify(configSchema(allRules))), 'run "npm run schema"');
  });

  it('packages only the bundles, manifest, snippets, docs, icon, changelog and licence', () => {
    const listed = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    assert.equal(listed.status, 0, listed.stderr);
    const files = listed.stdout.trim().split('\n').sort();
    const docs = ids.map((id) => `docs/rules/${id}.md`);
    assert.deepEqual(
      files,
      [
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'images/icon.png',
        'dist/cli.js',
        'dist/client.js',
        'dist/secpolicy.js',
        'dist/server.js',
        ...docs,
        'package.json',
        'schemas/secpolicy.schema.json',
        'snippets/compose.json',
        'snippets/markdown.json',
      ].sort(),
    );
  });
});
