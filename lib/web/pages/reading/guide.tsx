import { bodyInLetter } from '#lib/domain/application/remedies';
import { chinaDateOf } from '#lib/domain/china-time';
import { publicAgency, type PublicAgency } from '#lib/use-cases/reading-room';
import { usePage } from '../../context';
import type { PageHandler } from '../../page-function';
import {
  AgencyNav,
  agencyCrumbs,
  CACHE,
  CatalogueLinks,
  OfficeDetails,
  Paragraphs,
  paths,
  PrintButton,
} from './shared';

/**
 * The agency's 政府信息公开指南 (Reg. 22): generated from what the agency keeps on the platform — its office,
 * its catalogue and the time limits of its policy in force, the fees of the national measures, who
 * reconsiders its decisions — so it never disagrees with how the platform handles a case; then the
 * sections the agency writes itself. Printable as it stands.
 */
export function guidePage(deps: {
  agencies: Parameters<typeof publicAgency>[0];
}): PageHandler<'GET /agencies/{agencyId}/guide'> {
  return async ({ params, now, t }) => {
    const agency = await publicAgency(deps.agencies, params.agencyId, chinaDateOf(now));
    return {
      kind: 'page',
      title: t('reading.guide.title', { agency: agency.name }),
      crumbs: agencyCrumbs(agency, { label: t('reading.nav.guide') }),
      cache: CACHE.settled,
      body: <Guide agency={agency} />,
    };
  };
}

function Guide({ agency }: { agency: PublicAgency }) {
  const { t } = usePage();
  const id = agency.agencyId;
  const { office, policy } = agency;
  const body = bodyInLetter(agency.reconsideration);
  const ownDeadlines = agency.catalogue.filter((entry) => entry.deadline !== undefined);
  return (
    <article class="guide">
      <h1>{t('reading.guide.title', { agency: agency.name })}</h1>
      <AgencyNav agencyId={id} current="guide" />
      <p class="lead">{t('reading.guide.lead')}</p>
      <p class="hint">{t('reading.guide.generated')}</p>
      <PrintButton />

      <h2>{t('reading.guide.office.title')}</h2>
      <OfficeDetails office={office} />

      <h2>{t('reading.guide.proactive.title')}</h2>
      <p>{t('reading.guide.proactive.scope')}</p>
      <CatalogueLinks agencyId={id} catalogue={agency.catalogue} />
      <p>
        {t('reading.guide.proactive.where')}{' '}
        <a href={paths.publications(id)}>{t('reading.nav.publications')}</a>
      </p>
      <p>{t('reading.guide.proactive.time', { days: policy.publicationWorkingDays })}</p>
      {ownDeadlines.length === 0 ? null : (
        <>
          <p>{t('reading.guide.proactive.otherTime')}</p>
          <ul>
            {ownDeadlines.map((entry) => (
              <li key={entry.code}>
                {t('reading.guide.proactive.deadline', {
                  category: entry.name,
                  period:
                    entry.deadline?.unit === 'natural_days'
                      ? t('common.naturalDays', { count: entry.deadline.days })
                      : t('common.workingDays', { count: entry.deadline?.days ?? 0 }),
                  basis: entry.deadline?.basis ?? '',
                })}
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t('reading.guide.request.title')}</h2>
      <p>{t('reading.guide.request.who')}</p>
      <h3>{t('reading.guide.request.how')}</h3>
      <ul>
        <li>
          <a href={paths.apply(id)}>{t('reading.guide.request.online')}</a>
        </li>
        {office === null ? (
          <li>{t('reading.guide.request.noOffice')}</li>
        ) : (
          <>
            <li>
              {t('reading.guide.request.letter', { address: office.address, office: office.officeName })}
              {office.postcode === undefined
                ? null
                : ` ${t('reading.guide.request.postcode', { postcode: office.postcode })}`}
            </li>
            <li>
              {t('reading.guide.request.inPerson', { address: office.address, hours: office.openingHours })}
            </li>
            {office.fax === null ? null : <li>{t('reading.guide.request.fax', { fax: office.fax })}</li>}
          </>
        )}
        <li>{t('reading.guide.request.oral')}</li>
      </ul>
      <h3>{t('reading.guide.request.contents.title')}</h3>
      <p>{t('reading.guide.request.contents')}</p>
      <h3>{t('reading.guide.request.receipt.title')}</h3>
      <p>{t('reading.guide.request.receipt')}</p>
      <p>{t('reading.guide.request.clarify')}</p>
      <h3>{t('reading.guide.request.time.title')}</h3>
      <p>
        {t('reading.guide.request.time', {
          reply: policy.replyWorkingDays,
          extension: policy.maxExtensionWorkingDays,
        })}
      </p>
      <h3>{t('reading.guide.request.fees.title')}</h3>
      <p>{t('reading.guide.request.fees')}</p>
      <ul>
        <li>{t('reading.guide.request.fees.piece')}</li>
        <li>{t('reading.guide.request.fees.volume')}</li>
      </ul>
      <p>{t('reading.guide.request.fees.pay', { days: policy.feePaymentWorkingDays })}</p>

      <h2>{t('reading.guide.remedies.title')}</h2>
      <p>
        {t('reading.guide.remedies.complaint')} <a href={paths.complain(id)}>{t('reading.nav.complain')}</a>
      </p>
      <p>{t('reading.guide.remedies.body', { body, basis: agency.reconsideration.basis })}</p>
      <p>{t('reading.guide.remedies.refusal', { body })}</p>
      <p>{t('reading.guide.remedies.other', { body })}</p>

      {agency.guideSections.length === 0 ? null : (
        <>
          <h2>{t('reading.guide.own.title')}</h2>
          {agency.guideSections.map((section, index) => (
            <section key={index} aria-labelledby={`own-${index}`}>
              <h3 id={`own-${index}`}>{section.title}</h3>
              <Paragraphs text={section.body} />
            </section>
          ))}
        </>
      )}
    </article>
  );
}
