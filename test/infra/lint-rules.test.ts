import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.config.js bite: each probe is linted as if it were a file of that layer. Only
 * `no-restricted-imports` runs, without type information, so the probes need not exist and this stays fast;
 * the rule's configuration is the project's own.
 */
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
});

/** The `no-restricted-imports` messages for `source` linted as `filePath`. */
async function refusals(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath, warnIgnored: true });
  if (result === undefined) throw new Error(`ESLint returned nothing for ${filePath}`);
  // A parse error or an ignored file would have no rule messages: make it fail loudly instead.
  expect(result.messages.filter((message) => message.ruleId !== 'no-restricted-imports')).toEqual([]);
  return result.messages.map((message) => message.message);
}

describe('lib/domain imports only the domain and zod', () => {
  it.each([
    ['an adapter', "import { keys } from '#lib/adapters/keys';"],
    ['a use case', "import type { SweepStore } from '#lib/use-cases/sweep';"],
    ['the AWS SDK', "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';"],
    ['the file system', "import { readFile } from 'node:fs/promises';"],
    ['another package', "import { SignJWT } from 'jose';"],
    ['a relative path out of lib/domain', "import { keys } from '../adapters/keys';"],
    ['a #lib/domain path that climbs out', "import { keys } from '#lib/domain/../adapters/keys';"],
  ])('refuses %s', async (_what, source) => {
    expect(await refusals('lib/domain/__probe__.ts', source)).toEqual([
      expect.stringMatching(/lib\/domain imports only the domain/),
    ]);
  });

  it('refuses a relative path out of lib/domain from a folder below it', async () => {
    expect(
      await refusals('lib/domain/calendar/__probe__.ts', "import { keys } from '../../adapters/keys';"),
    ).toEqual([expect.stringMatching(/leaves it/)]);
  });

  it('permits the domain, zod, node:crypto and the holiday table', async () => {
    expect(
      await refusals(
        'lib/domain/calendar/__probe__.ts',
        [
          "import { z } from 'zod';",
          "import { createHash } from 'node:crypto';",
          "import days from 'chinese-days/dist/chinese-days.json';",
          "import { DomainError } from '../errors';",
          "import { addDays } from './civil-date';",
          "import { CASE_KINDS } from '#lib/domain/timeline';",
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});

describe('lib/use-cases never import adapters, the HTTP edge or the AWS SDK', () => {
  it.each([
    ['an adapter by alias', "import { keys } from '#lib/adapters/keys';", /never import adapters/],
    ['an adapter by relative path', "import { keys } from '../adapters/keys';", /never import adapters/],
    [
      'an adapter type (a port typed as Pick<DynamoX>)',
      "import type { DynamoSweepStore } from '#lib/adapters/sweep-store';",
      /never import adapters/,
    ],
    ['lib/http', "import { CLAIM } from '#lib/http/claims';", /never import the HTTP edge/],
    ['the AWS SDK', "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';", /never import the AWS SDK/],
  ])('refuses %s', async (_what, source, message) => {
    expect(await refusals('lib/use-cases/__probe__.ts', source)).toEqual([expect.stringMatching(message)]);
  });

  it('permits the domain, other use cases, zod and node:crypto', async () => {
    expect(
      await refusals(
        'lib/use-cases/__probe__.ts',
        [
          "import { Breach } from '#lib/domain/sweep';",
          "import type { AgencyStore } from './agencies';",
          "import { z } from 'zod';",
          "import { randomBytes } from 'node:crypto';",
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});

describe('lib/adapters never import lib/http', () => {
  it.each([
    ['by alias', "import { CLAIM } from '#lib/http/claims';"],
    ['by relative path', "import { CLAIM } from '../http/claims';"],
  ])('refuses lib/http %s', async (_what, source) => {
    expect(await refusals('lib/adapters/__probe__.ts', source)).toEqual([
      expect.stringMatching(/lib\/adapters never import the HTTP edge/),
    ]);
  });

  it('permits the AWS SDK, ports, the domain, lib/platform and other adapters', async () => {
    expect(
      await refusals(
        'lib/adapters/__probe__.ts',
        [
          "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
          "import type { SweepStore } from '#lib/use-cases/sweep';",
          "import { Breach } from '#lib/domain/sweep';",
          "import { CLAIM } from '#lib/platform/identity-claims';",
          "import { keys } from './keys';",
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});

describe('entry points compose', () => {
  it('functions/ may import adapters', async () => {
    expect(
      await refusals(
        'functions/__probe__.ts',
        "import { DynamoSweepStore } from '#lib/adapters/sweep-store';",
      ),
    ).toEqual([]);
  });
});
