import type { ComponentChildren } from 'preact';
import { catalogueOf, reviewChainOf, type Agency } from '#lib/domain/agency';
import { policyOn } from '#lib/domain/application/policy';
import { usePage } from '../../context';

/** Administration's landing page: each part of the agency's settings, how it stands, and where to change it. */
export function AdminOverview(props: { agency: Agency; today: string; notices: ComponentChildren }) {
  const { t } = usePage();
  const { agency } = props;
  const policy = policyOn(agency.policies, props.today);
  const scheduled = agency.policies.filter((p) => p.effectiveFrom > props.today).length;
  const chain = reviewChainOf(agency);
  const catalogue = catalogueOf(agency);
  return (
    <>
      {props.notices}
      <h1>{t('cAdm.title')}</h1>
      <p class="lead">{t('cAdm.lead', { agency: agency.name })}</p>
      <ul class="cards columns">
        <Card title={t('cAdm.overview.office')} href="/console/admin/profile">
          {agency.profile === null ? (
            <p>{t('cAdm.overview.officeNone')}</p>
          ) : (
            <>
              <p>{agency.profile.officeName}</p>
              <p class="meta">
                {agency.profile.phone} · {agency.profile.email}
              </p>
              <p class="meta">
                {t('cAdm.overview.guide', { count: agency.profile.guideSections?.length ?? 0 })}
              </p>
            </>
          )}
        </Card>
        <Card title={t('cAdm.overview.policy')} href="/console/admin/policy">
          <p>
            {t('cAdm.overview.policyInForce', {
              reply: policy.replyWorkingDays,
              extension: policy.maxExtensionWorkingDays,
            })}
          </p>
          {scheduled > 0 ? (
            <p class="meta">{t('cAdm.overview.policyScheduled', { count: scheduled })}</p>
          ) : null}
        </Card>
        <Card title={t('cAdm.overview.chain')} href="/console/admin/review-chain">
          <p>
            {chain.map((step) => step.label).join(' → ')}
            {agency.reviewChain === null ? t('cAdm.overview.chainDefault') : null}
          </p>
        </Card>
        <Card title={t('cAdm.overview.catalogue')} href="/console/admin/catalogue">
          <p>
            {agency.catalogue === null
              ? t('cAdm.overview.catalogueDefault', { count: catalogue.length })
              : t('cAdm.overview.catalogueCount', { count: catalogue.length })}
          </p>
        </Card>
        <Card title={t('cAdm.overview.staff')} href="/console/admin/staff">
          <p>{t('cAdm.overview.staffBody')}</p>
        </Card>
      </ul>
    </>
  );
}

function Card(props: { title: string; href: string; children: ComponentChildren }) {
  return (
    <li>
      <h2 class="card-title">
        <a href={props.href}>{props.title}</a>
      </h2>
      {props.children}
    </li>
  );
}
