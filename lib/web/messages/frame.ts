import type { Locale } from './locale';
import { common } from './common';
import { consoleFrame } from './console';
import { translatorOf } from './translate';

/**
 * The words of the page frame alone — header, footer, the pages that only say something — for the
 * `$default` route's not-found page, which needs them and none of the pages' (`catalogue.ts`).
 */
const frameWords = (locale: Locale) => ({ ...common[locale], ...consoleFrame[locale] });

export const frameTranslator = translatorOf({ 'zh-CN': frameWords('zh-CN'), en: frameWords('en') });
