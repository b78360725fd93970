import type { ComponentChildren } from 'preact';
import { Button, ErrorSummary, Notice, type FormErrors } from '../../components';
import { usePage } from '../../context';
import type { MessageKey } from '../../messages/catalogue';
import { HeldNotice } from '../held';
import type { HeldForm } from '../session';

/**
 * The top of an editing page: the errors (linked to their fields), the notices (a save done, a form kept
 * across an expired session), and — when someone else saved first — that the page now shows their
 * version; then the title and what the page is for.
 */
export function EditorHeading(props: {
  title: string;
  lead: string;
  errors: FormErrors;
  conflict: boolean;
  notices: ComponentChildren;
}) {
  const { t } = usePage();
  return (
    <>
      <ErrorSummary errors={props.errors} />
      {props.notices}
      {props.conflict ? <Notice kind="warning">{t('cAdm.conflict')}</Notice> : null}
      <h1>{props.title}</h1>
      <p class="lead">{props.lead}</p>
    </>
  );
}

/** Save, or go back to administration without saving. */
export function SaveActions({ back = '/console/admin', label }: { back?: string; label?: string }) {
  const { t } = usePage();
  return (
    <div class="actions">
      <Button>{label ?? t('cAdm.save')}</Button>
      <a href={back}>{t('cAdm.cancel')}</a>
    </div>
  );
}

/**
 * The notices at the top of a page: its form kept across an expired session (or no longer kept), and
 * what a save just did (`?done=<what>`, one of `done`'s words).
 */
export function PageNotices(props: {
  held: HeldForm | undefined;
  query: Readonly<Record<string, string | undefined>>;
  done: Readonly<Record<string, MessageKey>>;
}) {
  const { t } = usePage();
  const done = props.query.done === undefined ? undefined : props.done[props.query.done];
  return (
    <>
      <HeldNotice held={props.held} query={props.query} />
      {done ? <Notice kind="success">{t(done)}</Notice> : null}
    </>
  );
}
