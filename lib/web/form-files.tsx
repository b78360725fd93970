import { FileField, type FormErrors } from './components';
import { usePage } from './context';
import type { MessageKey } from './messages/catalogue';
import { ACCEPTED_FILES, FORM_FILES, sizeText } from './posted-files';

/**
 * A form's file field (`attachments`, unless named otherwise): the types it takes, its limits said in the
 * hint (`{count}`, `{size}`), and, when the form is answered again with files chosen, that they must be
 * chosen again.
 */
export function FormFiles(props: {
  name?: string;
  label: MessageKey;
  hint: MessageKey;
  errors: FormErrors;
  dropped: boolean | undefined;
}) {
  const { t } = usePage();
  return (
    <>
      {props.dropped ? <p class="notice warning">{t('common.files.chooseAgain')}</p> : null}
      <FileField
        name={props.name ?? 'attachments'}
        label={t(props.label)}
        hint={t(props.hint, { count: FORM_FILES.maxCount, size: sizeText(FORM_FILES.maxTotalBytes) })}
        errors={props.errors}
        optional
        multiple
        accept={ACCEPTED_FILES}
      />
    </>
  );
}
