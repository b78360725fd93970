// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * lib/domain is pure: it imports the domain (relative paths that stay inside it, `#lib/domain/*`) and zod.
 * Two more are allowed because they are pure too: `node:crypto` (SHA-256 for the timeline's hash chain and
 * the applicant key: computation, no I/O) and chinese-days' holiday table (static data the calendar reads).
 * `depth` is how many folders below lib/domain the file sits, so `../` that would leave the domain is caught.
 */
const domainImportPatterns = (depth) => [
  {
    regex: String.raw`^(?!\.{1,2}/|#lib/domain/|(?:zod|node:crypto|chinese-days/dist/chinese-days\.json)$)`,
    message: 'lib/domain imports only the domain and zod: no AWS, no I/O, no outer layer.',
  },
  {
    // Climbs more folders than the file is deep, or goes back up after a name (`#lib/domain/../x`).
    regex: String.raw`^(?:\.\./){${depth + 1}}|(?:^|/)(?!\.\.?/)[^/]+/(?:.*/)?\.\.(?:/|$)`,
    message: 'lib/domain imports only the domain: this relative path leaves it (or write #lib/domain/…).',
  },
];

/**
 * `import { z } from 'zod'` is zod's namespace as a value, which esbuild keeps whole: every zod locale
 * (~250 KB) in every function's bundle. `import * as z` lets it keep only what the code calls.
 */
const zodNamespaceImport = {
  selector: "ImportDeclaration[source.value='zod'][importKind='value'] > ImportSpecifier[imported.name='z']",
  message: "Write `import * as z from 'zod'`: the named `z` bundles every zod locale (~250 KB per function).",
};

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.data/', 'coverage/', 'eslint.config.js'] },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Port implementations are async by contract even when one adapter has nothing to await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      // The domain code branches on discriminated unions; exhaustiveness is checked by the compiler.
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      'no-restricted-syntax': ['error', zodNamespaceImport],
    },
  },
  {
    // Tests read JSON bodies field by field; the assertions are the type check.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Use cases orchestrate the domain through ports they own; the adapters implement them.
    files: ['lib/use-cases/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^(?:#lib/|\.{1,2}/)(?:.*/)?adapters(?:/|$)`,
              message:
                'lib/use-cases never import adapters: declare a port here and let the adapter implement it.',
            },
            {
              regex: String.raw`^(?:#lib/|\.{1,2}/)(?:.*/)?(?:http|api)(?:/|$)`,
              message:
                'lib/use-cases never import the HTTP edge (lib/http, lib/api): the entry point calls them.',
            },
            {
              group: ['@aws-sdk/*', 'aws-cdk-lib', 'aws-cdk-lib/*'],
              message: 'lib/use-cases never import the AWS SDK: that is an adapter’s job, behind a port.',
            },
          ],
        },
      ],
    },
  },
  {
    // Adapters implement ports; the HTTP edge calls use cases, never the other way round.
    files: ['lib/adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^(?:#lib/|\.{1,2}/)(?:.*/)?(?:http|api)(?:/|$)`,
              message:
                'lib/adapters never import the HTTP edge (lib/http, lib/api); shared facts go in lib/platform.',
            },
          ],
        },
      ],
    },
  },
  // By depth below lib/domain (a file deeper than two folders is held to the second level's limit).
  ...['lib/domain/*.ts', 'lib/domain/*/*.ts', 'lib/domain/*/*/**/*.ts'].map((glob, depth) => ({
    files: [glob],
    rules: { 'no-restricted-imports': ['error', { patterns: domainImportPatterns(depth) }] },
  })),
  {
    files: ['lib/domain/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        zodNamespaceImport,
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'lib/domain reads no clock: take "now" as an argument.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'lib/domain reads no clock: take "now" as an argument.',
        },
      ],
    },
  },
);
