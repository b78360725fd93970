import type { ComponentChildren } from 'preact';
import { RESULT_ROWS, type ReportContent } from '#lib/domain/annual-report';
import { fieldId } from '../../components';
import { usePage } from '../../context';
import { CHALLENGES_HREF } from './challenges.tsx';
import {
  CHALLENGE_WORDS,
  checkAnchor,
  COLUMN_WORDS,
  DOCUMENT_WORDS,
  TABLE3_COLUMNS,
  TABLE3_ROW_WORDS,
  type PlacedCheck,
} from './words';

/**
 * The draft's tables (二、三、四 and the fees of 六) as the console shows them: every cell a check can
 * concern carries the id of its path (`checkAnchor`), and every failing check is written inside the cell
 * it concerns — marked, and said in words, not by colour alone — so the summary at the top links to it.
 * The national format's own layout is the preview (`annual-report-html.ts`).
 */
export function DraftTables(props: { content: ReportContent; checks: readonly PlacedCheck[] }) {
  const { t } = usePage();
  const { content, checks } = props;
  const p = content.proactive;
  return (
    <>
      <h3 id="table-2">{t('cRep.t2.title')}</h3>
      <div class="table-wrap">
        <table class="figures">
          <thead>
            <tr>
              <th scope="col">{t('cRep.t2.item')}</th>
              <th scope="col">{t('cRep.t2.issued')}</th>
              <th scope="col">{t('cRep.t2.repealed')}</th>
              <th scope="col">{t('cRep.t2.valid')}</th>
            </tr>
          </thead>
          <tbody>
            {(['rules', 'normativeDocuments'] as const).map((kind) => (
              <tr key={kind}>
                <th scope="row">{t(DOCUMENT_WORDS[kind])}</th>
                <Cell path={`proactive.${kind}.issued`} checks={checks}>
                  {p[kind].issued}
                </Cell>
                <Cell path={`proactive.${kind}.repealed`} checks={checks}>
                  {p[kind].repealed}
                </Cell>
                <Cell path={`proactive.${kind}.valid`} checks={checks}>
                  {p[kind].valid}
                </Cell>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="table-wrap">
        <table class="figures">
          <thead>
            <tr>
              <th scope="col">{t('cRep.t2.item')}</th>
              <th scope="col">{t('cRep.t2.decisions')}</th>
            </tr>
          </thead>
          <tbody>
            {(
              [
                ['licensing', 'cRep.figures.licensing'],
                ['penalties', 'cRep.figures.penalties'],
                ['enforcement', 'cRep.figures.enforcement'],
                ['feeIncomeTenThousandYuan', 'cRep.figures.feeIncome'],
              ] as const
            ).map(([name, words]) => (
              <tr key={name}>
                <th scope="row">{t(words)}</th>
                <Cell path={`proactive.${name}`} checks={checks}>
                  {p[name]}
                </Cell>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3 id="table-3">{t('cRep.t3.title')}</h3>
      <p class="hint">{t('cRep.t3.rule')}</p>
      <div class="table-wrap">
        <table class="figures wide">
          <thead>
            <tr>
              <td />
              {TABLE3_COLUMNS.map((column) => (
                <Cell key={column} path={`applications.${column}`} checks={checks} header>
                  {t(COLUMN_WORDS[column] ?? 'cRep.column.total')}
                </Cell>
              ))}
            </tr>
          </thead>
          <tbody>
            <Table3Row content={content} checks={checks} field="received" />
            <Table3Row content={content} checks={checks} field="carriedIn" />
            <tr>
              <th scope="rowgroup" colSpan={TABLE3_COLUMNS.length + 1} class="group">
                {t('cRep.t3.results')}
              </th>
            </tr>
            {RESULT_ROWS.map((row) => (
              <tr key={row.key}>
                <th scope="row" lang="zh-CN" class={row.label === row.group ? undefined : 'item'}>
                  {row.label === row.group ? row.label : `${row.group.slice(0, 3)} ${row.label}`}
                </th>
                {TABLE3_COLUMNS.map((column) => (
                  <Cell key={column} path={`applications.${column}.results.${row.key}`} checks={checks}>
                    {content.applications[column]?.results[row.key] ?? 0}
                  </Cell>
                ))}
              </tr>
            ))}
            <Table3Row content={content} checks={checks} field="resultsTotal" />
            <Table3Row content={content} checks={checks} field="carriedOut" />
          </tbody>
        </table>
      </div>

      <h3 id="table-4">{t('cRep.t4.title')}</h3>
      <p>
        <a href={CHALLENGES_HREF}>{t('cRep.lc.link')}</a>
      </p>
      <div class="table-wrap">
        <table class="figures">
          <thead>
            <tr>
              <td />
              {(['upheld', 'corrected', 'other', 'pending', 'total'] as const).map((name) => (
                <th key={name} scope="col">
                  {t(`cRep.t4.${name}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(Object.keys(CHALLENGE_WORDS) as (keyof typeof CHALLENGE_WORDS)[]).map((kind) => (
              <tr key={kind}>
                <th scope="row">{t(CHALLENGE_WORDS[kind])}</th>
                {(['upheld', 'corrected', 'other', 'pending', 'total'] as const).map((name) => (
                  <Cell key={name} path={`challenges.${kind}.${name}`} checks={checks}>
                    {content.challenges[kind][name]}
                  </Cell>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {content.fees === undefined ? null : (
        <p>
          {t('cRep.fees', {
            notices: content.fees.notices,
            noticed: content.fees.noticedYuan,
            collected: content.fees.collectedYuan,
          })}
        </p>
      )}
    </>
  );
}

function Table3Row(props: {
  content: ReportContent;
  checks: readonly PlacedCheck[];
  field: keyof typeof TABLE3_ROW_WORDS;
}) {
  const { t } = usePage();
  return (
    <tr>
      <th scope="row">{t(TABLE3_ROW_WORDS[props.field])}</th>
      {TABLE3_COLUMNS.map((column) => (
        <Cell key={column} path={`applications.${column}.${props.field}`} checks={props.checks}>
          {props.content.applications[column]?.[props.field] ?? 0}
        </Cell>
      ))}
    </tr>
  );
}

/** A cell of the draft, with the checks that concern it written inside it. */
function Cell(props: {
  path: string;
  checks: readonly PlacedCheck[];
  header?: boolean;
  children: ComponentChildren;
}) {
  const { t } = usePage();
  const id = checkAnchor(props.path);
  const here = props.checks.filter((check) => fieldId(check.field) === id);
  const Tag = props.header ? 'th' : 'td';
  return (
    <Tag
      id={id}
      scope={props.header ? 'col' : undefined}
      class={here.length > 0 ? 'cell-error' : undefined}
      tabIndex={here.length > 0 ? -1 : undefined}
    >
      {props.children}
      {here.map((check, index) => (
        <span key={index} class="error-message">
          <span class="visually-hidden-prefix">{t('common.error.prefix')}</span> {check.text}
        </span>
      ))}
    </Tag>
  );
}
