import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectFacts } from '../../../server/src/project/facts';

describe('project facts: the version of the package a file belongs to', () => {
  let outside: string;
  let repository: string;
  const write = (path: string, text: string) => {
    mkdirSync(join(repository, path, '..'), { recursive: true });
    writeFileSync(join(repository, path), text);
  };
  const manifest = (fields: Record<string, unknown>) => JSON.stringify(fields);
  const versionIn = (folder: string) => {
    mkdirSync(join(repository, folder), { recursive: true });
    return projectFacts(join(repository, folder)).packageVersion;
  };
  beforeEach(() => {
    outside = mkdtempSync(join(tmpdir(), 'secpolicy-facts-'));
    repository = join(outside, 'repository');
    mkdirSync(join(repository, '.git'), { recursive: true });
  });
  afterEach(() => rmSync(outside, { recursive: true, force: true }));

  it("reads the repository root's package.json", () => {
    write('package.json', manifest({ name: 'acme', version: '2.3.1' }));
    assert.equal(versionIn('.'), '2.3.1');
    assert.equal(versionIn('.github'), '2.3.1');
  });

  it("reads the nearest package's version, not the root's", () => {
    write('package.json', manifest({ name: 'acme', version: '2.3.1' }));
    write('packages/cli/package.json', manifest({ name: 'acme-cli', version: '5.0.0' }));
    assert.equal(versionIn('packages/cli'), '5.0.0');
  });

  it('gives no version at a private workspace root, nor to a folder under it without a package', () => {
    write(
      'package.json',
      manifest({ name: 'acme-monorepo', version: '0.1.0', private: true, workspaces: ['packages/*'] }),
    );
    assert.equal(versionIn('.'), undefined);
    assert.equal(versionIn('.github'), undefined);
    assert.equal(versionIn('tools/scripts'), undefined);
  });

  it('gives no version at a private pnpm workspace root', () => {
    write('package.json', manifest({ name: 'acme-monorepo', version: '1.0.0', private: true }));
    write('pnpm-workspace.yaml', 'packages:\n  - packages/*\n');
    write('packages/server/package.json', manifest({ name: '@acme/server', version: '4.2.0' }));
    assert.equal(versionIn('.'), undefined);
    assert.equal(versionIn('packages/server'), '4.2.0');
  });

  it('a workspace under a private root has its own version', () => {
    write('package.json', manifest({ private: true, version: '0.1.0', workspaces: ['packages/*'] }));
    write('packages/server/package.json', manifest({ name: '@acme/server', version: '4.2.0' }));
    assert.equal(versionIn('packages/server'), '4.2.0');
  });

  it("a docs site or scripts package in docs/ or .github/ is not the repository's product", () => {
    write('package.json', manifest({ name: 'acme', version: '2.3.1' }));
    write('docs/package.json', manifest({ name: 'acme-docs', version: '0.0.1', private: true }));
    write('.github/package.json', manifest({ name: 'ci-scripts', version: '1.0.0' }));
    assert.equal(versionIn('docs'), '2.3.1');
    assert.equal(versionIn('.github'), '2.3.1');
  });

  it('a docs/ folder deeper than the root is an ordinary package', () => {
    write('package.json', manifest({ name: 'acme', version: '2.3.1' }));
    write('packages/web/docs/package.json', manifest({ name: 'web-docs', version: '7.0.0' }));
    assert.equal(versionIn('packages/web/docs'), '7.0.0');
  });

  it('stops at the repository root', () => {
    writeFileSync(join(outside, 'package.json'), manifest({ name: 'elsewhere', version: '9.9.9' }));
    assert.equal(versionIn('.'), undefined);
  });
});
