import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { esbuildOptionsOf, externalModulesOf } from '#infra/bundling';
import { functionDefinitions } from '#lib/platform/functions';
import { bundleTargetFor, deployedEnvironment, deployedEnvironmentFor } from '#test/support/deployed-env';

/**
 * Every function's bundle, built with the stack's own options, starts on its own: in a directory with no
 * node_modules, so a package the options leave out (`externalModulesOf`) that the bundle imports at start
 * fails here rather than in Lambda. (The template tests skip bundling.)
 */
const dir = mkdtempSync(join(tmpdir(), 'gongkai-bundles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(['global', 'china'] as const)('each function’s bundle for %s', (profile) => {
  const target = bundleTargetFor(profile);
  it.each(functionDefinitions.map((definition) => [definition.name, definition] as const))(
    '%s starts with nothing but itself',
    async (_name, definition) => {
      const outfile = join(dir, `${profile}-${definition.name}.mjs`);
      const result = await build({
        ...esbuildOptionsOf(definition, target),
        outfile,
        metafile: true,
        logLevel: 'silent',
      });
      const left = Object.values(result.metafile.outputs)
        .flatMap((output) => output.imports)
        // Node's own modules, with or without `node:` (CommonJS packages such as the X-Ray SDK require `util`).
        .filter(
          (entry) =>
            entry.external && !entry.path.startsWith('node:') && !builtinModules.includes(entry.path),
        )
        .map((entry) => entry.path);
      // Only what the options leave out, and none of it loaded at start (below).
      expect(left.every((path) => externalModulesOf(definition, target).includes(path))).toBe(true);
      // What the profile never reaches is not in the bundle: the tracer without X-Ray, the other mail client.
      const inside = Object.keys(result.metafile.inputs);
      if (!target.tracing)
        expect(inside.filter((file) => /aws-xray-sdk|powertools\/tracer/.test(file))).toEqual([]);
      const otherMail = target.mail === 'ses' ? /node_modules\/nodemailer\// : /client-sesv2/;
      expect(inside.filter((file) => otherMail.test(file))).toEqual([]);
      const script = `const m = await import(${JSON.stringify(outfile)}); process.stdout.write(typeof m.handler);`;
      const started = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: dir,
        // Without tracing the bundle fixes the tracer off itself: it starts even if the variable is missing.
        env: {
          PATH: process.env.PATH,
          ...(target.tracing ? deployedEnvironmentFor(target) : deployedEnvironment),
        },
        encoding: 'utf8',
      });
      expect(started).toBe('function');
    },
  );
});
