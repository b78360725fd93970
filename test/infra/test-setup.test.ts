import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../vitest.config';

/**
 * The suite passes on a fresh, busy machine (issue 12, point 19): what the browser checks need is installed
 * once, in the integration global setup, before any server starts, and never inside a test; the infra
 * tests never bundle, and their hooks have a timeout a loaded machine can meet.
 */
const read = (path: string) => readFileSync(path, 'utf8');

describe('a fresh, busy machine', () => {
  it('the integration global setup installs Chromium before it starts the local cloud', () => {
    const setup = read('test/integration/global-setup.ts');
    const install = setup.indexOf('ensureChromium();');
    expect(install).toBeGreaterThan(-1);
    expect(install).toBeLessThan(setup.indexOf('spawn('));
  });

  it('no integration test installs anything: tests only check what the global setup installed', () => {
    const installing = readdirSync('test/integration')
      .filter((file) => file.endsWith('.test.ts'))
      .filter((file) => /ensureChromium\(|apt-get/.test(read(join('test/integration', file))));
    expect(installing).toEqual([]);
  });

  it('infra tests synthesize without bundling, with hooks allowed two minutes', () => {
    expect(read('test/infra/stacks.test.ts')).toContain("'aws:cdk:bundling-stacks': []");
    const infra = config.test?.projects?.find(
      (project) => typeof project === 'object' && 'test' in project && project.test?.name === 'infra',
    );
    expect(infra).toMatchObject({ test: { hookTimeout: 120_000, testTimeout: 120_000 } });
  });
});
