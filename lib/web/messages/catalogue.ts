import type { Locale } from './locale';
import { apply } from './apply';
import { common } from './common';
import { complaints } from './complaints';
import { consoleFrame } from './console';
import { consoleComplaints } from './console-complaints';
import { consoleReports } from './console-reports';
import { consoleApplications } from './console-applications';
import { consoleProactive } from './console-proactive';
import { consoleAdmin } from './console-admin';
import { consoleToday } from './console-today';
import { consoleSupervision } from './console-supervision';
import { follow } from './follow';
import type { Section } from './section';
import { translatorOf } from './translate';
import { home } from './home';
import { reading } from './reading';

/**
 * The message catalogue: every word the pages show, per language. Each section (one file per part of the
 * portal) gives `zh-CN` and an `en` of exactly the same keys (the compiler checks it: `section()`), keys are
 * prefixed by their section so sections never collide (a unit test checks that too). Placeholders are
 * `{name}`, filled by `t(key, { name })`.
 */
export const sections = [
  common,
  home,
  reading,
  apply,
  follow,
  complaints,
  consoleFrame,
  consoleComplaints,
  consoleReports,
  consoleApplications,
  consoleProactive,
  consoleToday,
  consoleAdmin,
  consoleSupervision,
] as const;

type KeysOf<S> = S extends Section<infer K> ? K : never;
export type MessageKey = KeysOf<(typeof sections)[number]>;
export type Messages = Readonly<Record<MessageKey, string>>;

const merged = (locale: Locale): Messages =>
  Object.assign({}, ...sections.map((s) => s[locale] as Readonly<Record<string, string>>)) as Messages;
export const catalogue: Readonly<Record<Locale, Messages>> = { 'zh-CN': merged('zh-CN'), en: merged('en') };

export type { Translate } from './translate';

export const translator = translatorOf(catalogue);
