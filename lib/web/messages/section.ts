/**
 * A section of the message catalogue (`catalogue.ts`): one part of the portal's words, in every language.
 */
export type Section<K extends string> = {
  readonly 'zh-CN': Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
};

/** A section: `en` must have every key of `zh-CN` and no other. */
export const section = <const Z extends Readonly<Record<string, string>>>(
  zh: Z,
  en: NoInfer<{ readonly [K in keyof Z]: string }>,
): Section<Extract<keyof Z, string>> => ({ 'zh-CN': zh, en });
