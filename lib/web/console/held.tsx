import type { FormValues } from '../components';
import { Notice } from '../components';
import { usePage } from '../context';
import type { HeldForm } from './session';

/**
 * The values to fill a form with after its author signed in again: those they had typed when their
 * session expired, if this form (its action path) is the one they posted.
 */
export const heldValues = (held: HeldForm | undefined, action: string): FormValues | undefined =>
  held !== undefined && held.action === action ? held.values : undefined;

/**
 * Tells the person their input was kept (files must be chosen again) — or, when the page was opened to
 * give a form back (`?held=…`) that is no longer kept, that it must be filled in again.
 */
export function HeldNotice(props: {
  held: HeldForm | undefined;
  query: Readonly<Record<string, string | undefined>>;
}) {
  const { t } = usePage();
  if (props.held) return <Notice kind="warning">{t('console.held.notice')}</Notice>;
  return props.query.held !== undefined ? <Notice kind="warning">{t('console.held.gone')}</Notice> : null;
}
