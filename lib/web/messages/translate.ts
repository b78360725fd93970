import type { Locale } from './locale';
import type { MessageKey } from './catalogue';

export type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

/**
 * The translator of a catalogue: `t(key, { name })` is the key's words in the language, placeholders
 * (`{name}`) filled. A catalogue of part of the sections (`frame.ts`) has part of the keys: asking it for
 * another fails rather than print nothing.
 */
export const translatorOf =
  (catalogue: Readonly<Record<Locale, Readonly<Partial<Record<MessageKey, string>>>>>) =>
  (locale: Locale): Translate =>
  (key, values) => {
    const template = catalogue[locale][key];
    if (template === undefined) throw new Error(`No words for ${key} in this catalogue`);
    if (values === undefined) return template;
    return template.replace(/\{([a-zA-Z0-9_]+)\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    );
  };
