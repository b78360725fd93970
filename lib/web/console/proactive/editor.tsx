import type { PeriodicObligation } from '#lib/domain/agency';
import type { CatalogueEntry } from '#lib/domain/submission/catalogue';
import type { Submission } from '#lib/domain/submission/submission';
import {
  Button,
  Checkbox,
  ErrorSummary,
  FileField,
  fieldId,
  PostForm,
  Radios,
  Select,
  TextArea,
  TextField,
  type FormErrors,
  type FormValues,
} from '../../components';
import { usePage } from '../../context';
import { FormFiles } from '../../form-files';
import type { MessageKey, Translate } from '../../messages/catalogue';
import { ACCEPTED_FILES } from '../../posted-files';
import { CHOICE_FIELDS, type EditorField, type EditorProblem } from './read-editor';

/**
 * The editor (稿件编辑): title, document number (文号), issuer, category from the agency's catalogue, kind,
 * dates, the disclosure attribute (主动公开 / 依申请公开 / 不予公开) and its reason, audience, display period,
 * the policy interpretation (政策解读) and evidence of public participation where required, the periodic
 * obligation it fulfils, the text and its files. A form that works without JavaScript (multipart).
 */
export type EditorState = {
  readonly action: string;
  /** The item being edited (absent: a new draft). */
  readonly current: Submission | undefined;
  readonly values: FormValues;
  readonly errors: FormErrors;
  /** Files were chosen in the form answered again: they must be chosen again. */
  readonly filesDropped: boolean;
  readonly catalogue: readonly CatalogueEntry[];
  readonly obligations: readonly PeriodicObligation[];
};

/** The form's values for an item as kept. */
export function valuesOf(submission: Submission): Record<string, string> {
  const { content } = submission;
  return {
    version: String(submission.version),
    title: content.title,
    documentNumber: content.documentNumber ?? '',
    issuingOffice: content.issuingOffice,
    category: content.category,
    documentKind: content.documentKind,
    formedOn: content.formedOn,
    effectiveOn: content.effectiveOn ?? '',
    attribute: content.attribute,
    attributeReason: content.attributeReason ?? '',
    audience: content.audience,
    display: content.display.kind,
    displayEndsOn: content.display.kind === 'until' ? content.display.endsOn : '',
    displayLegalBasis: content.display.kind === 'until' ? (content.display.legalBasis ?? '') : '',
    policyDocument: content.policyDocument ? 'yes' : '',
    majorDecision: content.majorDecision ? 'yes' : '',
    periodicObligation: content.periodic?.obligationId ?? '',
    periodicPeriod: content.periodic?.period ?? '',
    changedOn: submission.status === 'published' ? '' : (submission.changedOn ?? ''),
    body: content.body,
  };
}

/** Each field's label in the catalogue. */
const LABEL: Readonly<Record<EditorField, MessageKey>> = {
  title: 'cPro.field.title',
  documentNumber: 'cPro.field.documentNumber',
  issuingOffice: 'cPro.field.issuingOffice',
  category: 'cPro.field.category',
  documentKind: 'cPro.field.documentKind',
  formedOn: 'cPro.field.formedOn',
  effectiveOn: 'cPro.field.effectiveOn',
  attribute: 'cPro.field.attribute',
  attributeReason: 'cPro.field.attributeReason',
  audience: 'cPro.field.audience',
  display: 'cPro.field.display',
  displayEndsOn: 'cPro.field.displayEndsOn',
  displayLegalBasis: 'cPro.field.displayLegalBasis',
  policyDocument: 'cPro.field.policyDocument',
  interpretation: 'cPro.field.interpretation',
  majorDecision: 'cPro.field.majorDecision',
  participationEvidence: 'cPro.field.participationEvidence',
  periodicObligation: 'cPro.field.periodicObligation',
  periodicPeriod: 'cPro.field.periodicPeriod',
  changedOn: 'cPro.field.changedOn',
  body: 'cPro.field.body',
  attachments: 'cPro.field.attachments',
};

/** A problem of the editor in the reader's language. */
export function editorMessage(t: Translate, problem: EditorProblem): string {
  const label = t(LABEL[problem.field]);
  switch (problem.reason) {
    case 'missing':
      return t(CHOICE_FIELDS.has(problem.field) ? 'cPro.error.choose' : 'cPro.error.missing', { label });
    case 'tooLong':
      return t('cPro.error.tooLong', { label, max: problem.values?.max ?? '' });
    case 'type':
    case 'tooLarge':
    case 'tooMany':
    case 'notStored':
      return t(`common.files.${problem.reason}`, problem.values);
    case 'characters':
    case 'date':
    case 'invalid':
    case 'unknownCategory':
    case 'period':
    case 'effectiveBeforeFormed':
    case 'changedOn':
    case 'outsideCalendar':
      return t(`cPro.error.${problem.reason}`, { label });
  }
}

/** The form; its error summary too unless the page shows it at its top (`summary={false}`). */
export function EditorForm({ state, summary = true }: { state: EditorState; summary?: boolean }) {
  const { t } = usePage();
  const { values, errors, current } = state;
  const revising = current !== undefined && (current.status === 'published' || current.changedOn !== null);
  const content = current?.content;
  return (
    <PostForm action={state.action} multipart label={t(current ? 'cPro.editor.edit' : 'cPro.editor.new')}>
      {summary ? <ErrorSummary errors={errors} /> : null}
      {current ? (
        <input type="hidden" name="version" value={values.version ?? String(current.version)} />
      ) : null}
      <TextField
        name="title"
        label={t('cPro.field.title')}
        value={values.title}
        errors={errors}
        maxLength={300}
      />
      <TextField
        name="documentNumber"
        label={t('cPro.field.documentNumber')}
        hint={t('cPro.field.documentNumber.hint')}
        value={values.documentNumber}
        errors={errors}
        optional
        maxLength={100}
      />
      <TextField
        name="issuingOffice"
        label={t('cPro.field.issuingOffice')}
        value={values.issuingOffice}
        errors={errors}
        maxLength={200}
      />
      <Select
        name="category"
        label={t('cPro.field.category')}
        hint={t('cPro.field.category.hint')}
        value={values.category}
        errors={errors}
        choices={[
          { value: '', label: t('cPro.field.category.choose') },
          ...state.catalogue.map((entry) => ({ value: entry.code, label: entry.name })),
        ]}
      />
      <Radios
        name="documentKind"
        label={t('cPro.field.documentKind')}
        hint={t('cPro.field.documentKind.hint')}
        value={values.documentKind ?? 'other'}
        errors={errors}
        choices={(['other', 'normative_document', 'rule'] as const).map((kind) => ({
          value: kind,
          label: t(`cPro.documentKind.${kind}`),
        }))}
      />
      <TextField
        name="formedOn"
        type="date"
        label={t('cPro.field.formedOn')}
        hint={t('cPro.field.formedOn.hint')}
        value={values.formedOn}
        errors={errors}
        short
      />
      <TextField
        name="effectiveOn"
        type="date"
        label={t('cPro.field.effectiveOn')}
        value={values.effectiveOn}
        errors={errors}
        optional
        short
      />
      {revising ? (
        <TextField
          name="changedOn"
          type="date"
          label={t('cPro.field.changedOn')}
          hint={t('cPro.field.changedOn.hint')}
          value={values.changedOn}
          errors={errors}
          optional={current.status !== 'published'}
          short
        />
      ) : null}
      <Radios
        name="attribute"
        label={t('cPro.field.attribute')}
        value={values.attribute}
        errors={errors}
        choices={(['proactive', 'on_request', 'not_disclosed'] as const).map((attribute) => ({
          value: attribute,
          label: t(`cPro.attribute.${attribute}`),
          hint: t(`cPro.attribute.${attribute}.hint`),
        }))}
      />
      <TextArea
        name="attributeReason"
        label={t('cPro.field.attributeReason')}
        hint={t('cPro.field.attributeReason.hint')}
        value={values.attributeReason}
        errors={errors}
        optional
        maxLength={1000}
        rows={3}
      />
      <Radios
        name="audience"
        label={t('cPro.field.audience')}
        value={values.audience}
        errors={errors}
        choices={(['public', 'internal'] as const).map((audience) => ({
          value: audience,
          label: t(`cPro.audience.${audience}`),
        }))}
      />
      <Radios
        name="display"
        label={t('cPro.field.display')}
        hint={t('cPro.field.display.hint')}
        value={values.display ?? 'long_term'}
        errors={errors}
        choices={[
          { value: 'long_term', label: t('cPro.display.long_term') },
          { value: 'until', label: t('cPro.display.until') },
        ]}
      />
      <TextField
        name="displayEndsOn"
        type="date"
        label={t('cPro.field.displayEndsOn')}
        hint={t('cPro.field.displayEndsOn.hint')}
        value={values.displayEndsOn}
        errors={errors}
        optional
        short
      />
      <TextField
        name="displayLegalBasis"
        label={t('cPro.field.displayLegalBasis')}
        hint={t('cPro.field.displayLegalBasis.hint')}
        value={values.displayLegalBasis}
        errors={errors}
        optional
        maxLength={300}
      />
      <fieldset class="field">
        <legend>{t('cPro.material.legend')}</legend>
        <Checkbox
          name="policyDocument"
          label={t('cPro.field.policyDocument')}
          hint={t('cPro.field.policyDocument.hint')}
          checked={values.policyDocument === 'yes'}
          errors={errors}
        />
        {content?.interpretation ? (
          <KeptFile
            name="removeInterpretation"
            file={content.interpretation.name}
            checked={values.removeInterpretation === 'yes'}
          />
        ) : null}
        <FileField
          name="interpretation"
          label={t(
            content?.interpretation ? 'cPro.field.interpretation.replace' : 'cPro.field.interpretation',
          )}
          errors={errors}
          optional
          accept={ACCEPTED_FILES}
        />
        <Checkbox
          name="majorDecision"
          label={t('cPro.field.majorDecision')}
          hint={t('cPro.field.majorDecision.hint')}
          checked={values.majorDecision === 'yes'}
          errors={errors}
        />
        {content?.participationEvidence ? (
          <KeptFile
            name="removeParticipationEvidence"
            file={content.participationEvidence.name}
            checked={values.removeParticipationEvidence === 'yes'}
          />
        ) : null}
        <FileField
          name="participationEvidence"
          label={t(
            content?.participationEvidence
              ? 'cPro.field.participationEvidence.replace'
              : 'cPro.field.participationEvidence',
          )}
          errors={errors}
          optional
          accept={ACCEPTED_FILES}
        />
      </fieldset>
      {state.obligations.length === 0 ? null : (
        <fieldset class="field">
          <legend>{t('cPro.periodic.legend')}</legend>
          <Select
            name="periodicObligation"
            label={t('cPro.field.periodicObligation')}
            value={values.periodicObligation}
            errors={errors}
            choices={[
              { value: '', label: t('cPro.field.periodicObligation.none') },
              ...state.obligations.map((obligation) => ({
                value: obligation.id,
                label: `${obligation.title}（${t(`cPro.cadence.${obligation.cadence}`)}）`,
              })),
            ]}
          />
          <TextField
            name="periodicPeriod"
            label={t('cPro.field.periodicPeriod')}
            hint={t('cPro.field.periodicPeriod.hint')}
            value={values.periodicPeriod}
            errors={errors}
            optional
            short
            maxLength={7}
          />
        </fieldset>
      )}
      <TextArea
        name="body"
        label={t('cPro.field.body')}
        value={values.body}
        errors={errors}
        maxLength={200000}
        rows={12}
      />
      {content && content.attachments.length > 0 ? (
        <fieldset class="field">
          <legend>{t('cPro.files.kept')}</legend>
          <p class="hint">{t('cPro.files.kept.hint')}</p>
          {content.attachments.map((file, index) => (
            <div class="choice" key={file.uploadKey}>
              <input
                type="checkbox"
                id={`${fieldId('removeAttachment')}-${index + 1}`}
                name="removeAttachment"
                value={String(index + 1)}
                checked={values[`removeAttachment-${index + 1}`] === 'yes'}
              />
              <label for={`${fieldId('removeAttachment')}-${index + 1}`}>
                {t('cPro.files.remove', { name: file.name })}
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <FormFiles
        label="cPro.field.attachments"
        hint="cPro.field.attachments.hint"
        errors={errors}
        dropped={state.filesDropped}
      />
      <div class="actions">
        <Button>{t(current ? 'cPro.editor.save' : 'cPro.editor.create')}</Button>
      </div>
    </PostForm>
  );
}

function KeptFile(props: { name: string; file: string; checked: boolean }) {
  const { t } = usePage();
  return (
    <div class="choice">
      <input type="checkbox" id={fieldId(props.name)} name={props.name} value="yes" checked={props.checked} />
      <label for={fieldId(props.name)}>{t('cPro.files.remove', { name: props.file })}</label>
    </div>
  );
}
