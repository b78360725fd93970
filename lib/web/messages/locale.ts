/**
 * The languages the people's pages speak. `zh-CN` is complete and the default; `en` is complete. The
 * layout follows each language's direction (`dir` on `<html>`, logical CSS properties), so a right-to-left
 * language (Uyghur, ئۇيغۇرچە, published by agencies in Xinjiang) needs only its catalogue.
 */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const DIRECTION: Readonly<Record<Locale, 'ltr' | 'rtl'>> = { 'zh-CN': 'ltr', en: 'ltr' };
/** Each language's own name, for the switch (always written in that language). */
export const LANGUAGE_NAME: Readonly<Record<Locale, string>> = { 'zh-CN': '中文', en: 'English' };

export const isLocale = (value: string | undefined): value is Locale =>
  value !== undefined && (LOCALES as readonly string[]).includes(value);

/**
 * The language a request asked for: the one the user chose (a cookie), else the best of `Accept-Language`
 * (by q-value; `zh`, `zh-Hans`, `zh-SG` all read as zh-CN), else zh-CN.
 */
export function negotiateLocale(chosen: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(chosen)) return chosen;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const q = parameters.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag !== '' && entry.q > 0 && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return DEFAULT_LOCALE;
}
