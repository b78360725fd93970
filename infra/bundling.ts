/**
 * How every function is bundled, defined once: the CDK stack hands these options to NodejsFunction
 * (which runs the locally installed esbuild, no Docker), and `npm run bench` bundles with the same ones
 * to measure bundle size and cold-start import time.
 */
export const LAMBDA_NODE_TARGET = 'node22';

/** ESM bundles need `require` for the CommonJS dependencies they inline. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export const bundlingOptions = {
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  target: LAMBDA_NODE_TARGET,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  // The SDK is bundled (tree-shaken, pinned by our lock file) rather than taken from the runtime.
  externalModules: [] as string[],
} as const;

export const functionEntry = (name: string): string => `functions/${name}.ts`;
