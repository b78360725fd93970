import { createHash } from 'node:crypto';
import { script } from './script';
import { stylesheet } from './stylesheet';

/**
 * The stylesheet and the script, each named by a fingerprint of its content (`portal.<sha256:12>.css`),
 * so they are served `immutable` for a year and a new release is fetched at once. The fingerprint is part
 * of the bundle's build: computed once per cold start from the bundled text (microseconds), it changes
 * exactly when the text does.
 */
export type Asset = { readonly path: string; readonly body: string; readonly contentType: string };

const fingerprint = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 12);
const asset = (name: string, extension: 'css' | 'js', body: string, contentType: string): Asset => ({
  path: `/assets/${name}.${fingerprint(body)}.${extension}`,
  body,
  contentType,
});

export const assets = {
  stylesheet: asset('portal', 'css', stylesheet, 'text/css; charset=utf-8'),
  script: asset('enhance', 'js', script, 'text/javascript; charset=utf-8'),
} as const;

export const assetByFile = (file: string): Asset | undefined =>
  Object.values(assets).find((candidate) => candidate.path === `/assets/${file}`);
