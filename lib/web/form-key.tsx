import { randomUUID } from 'node:crypto';
import { fieldId, type FormErrors } from './components';
import { usePage } from './context';

/**
 * A form's own key (drawn when it is rendered, posted in a hidden `formKey` field), which the use cases
 * turn into an Idempotency-Key with the platform secret: the same form posted twice is one submission.
 */
export const newFormKey = (): string => randomUUID();

/** The form's own key, kept when the page is answered again; drawn afresh if it is not one we draw. */
const FORM_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const keptFormKey = (posted: string | undefined): string =>
  posted !== undefined && FORM_KEY.test(posted) ? posted : newFormKey();

/** The key's hidden field, and (where it was used for another submission) its error, for the summary's link. */
export function FormKeyField(props: { formKey: string; errors: FormErrors }) {
  const { t } = usePage();
  const reused = props.errors.find((error) => error.field === 'formKey')?.message;
  return (
    <>
      <input type="hidden" name="formKey" value={props.formKey} />
      {reused ? (
        <p class="error-message" id={fieldId('formKey')} tabIndex={-1}>
          <span class="visually-hidden-prefix">{t('common.error.prefix')}</span> {reused}
        </p>
      ) : null}
    </>
  );
}
