import type { ComponentChildren } from 'preact';
import type { DueStanding } from '#lib/domain/due-standing';
import type { Breach } from '#lib/domain/sweep';
import type {
  ReminderRecord,
  Today,
  TodayApplication,
  TodayComplaint,
  TodayReviewStep,
} from '#lib/use-cases/today';
import { DUE_WINDOW_WORKING_DAYS, REMINDER_DAYS } from '#lib/use-cases/today';
import { DateText, Notice } from '../../components';
import { usePage } from '../../context';
import { formatCivilDate } from '../../format';
import { accountableText, casePath, dueText, dueTone, groupApplications, STATUS_KEYS } from './wording';

/** Time left as a tag: the words say it, the colour only repeats them. */
export function DueTag({ standing }: { standing: DueStanding | null }) {
  const { t } = usePage();
  if (standing === null) return null;
  return <span class={`tag ${dueTone(standing)}`}>{dueText(standing, t)}</span>;
}

function Part(props: { id: string; title: string; hint?: string; children: ComponentChildren }) {
  return (
    <section class="today-part" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.hint ? <p class="hint">{props.hint}</p> : null}
      {props.children}
    </section>
  );
}

export function TodayPage(props: { today: Today; agencyName: string; staffName: string }) {
  const { t, locale } = usePage();
  const { today } = props;
  const shown = [today.applications, today.reviews, today.breaches, today.complaints, today.reminders];
  return (
    <>
      <h1>{t('console.today.title')}</h1>
      <p class="lead">
        {t('cToday.lead', { date: formatCivilDate(today.today, locale), agency: props.agencyName })}
      </p>
      {shown.every((part) => part === null) ? <p>{t('cToday.nothing')}</p> : null}
      {today.applications ? <Applications {...today.applications} staffName={props.staffName} /> : null}
      {today.reviews ? <Reviews steps={today.reviews.steps} /> : null}
      {today.breaches ? <Breaches {...today.breaches} /> : null}
      {today.complaints ? <Complaints {...today.complaints} /> : null}
      {today.reminders ? <Reminders items={today.reminders.items} /> : null}
    </>
  );
}

/** A platform administrator's Today: nothing of their own, a way to the platform pages. */
export function PlatformToday() {
  const { t } = usePage();
  return (
    <>
      <h1>{t('console.today.title')}</h1>
      <Notice title={t('cToday.platform.title')}>
        <p>{t('cToday.platform.body')}</p>
        <p>
          <a href="/console/platform">{t('cToday.platform.link')}</a>
        </p>
      </Notice>
    </>
  );
}

function Applications(props: { items: TodayApplication[]; more: boolean; staffName: string }) {
  const { t } = usePage();
  const { mine, others } = groupApplications(props.items);
  return (
    <Part
      id="today-applications"
      title={t('cToday.apps.title')}
      hint={t('cToday.apps.hint', { days: DUE_WINDOW_WORKING_DAYS })}
    >
      {props.items.length === 0 ? (
        <p>{t('cToday.apps.none')}</p>
      ) : (
        <>
          <h3>{t('cToday.apps.mine')}</h3>
          {mine.length === 0 ? (
            <p>{t('cToday.apps.noneMine')}</p>
          ) : (
            <ApplicationTable items={mine} caption={t('cToday.apps.mine')} staffName={props.staffName} />
          )}
          {others.length > 0 ? (
            <>
              <h3>{t('cToday.apps.others')}</h3>
              <ApplicationTable
                items={others}
                caption={t('cToday.apps.others')}
                staffName={props.staffName}
              />
            </>
          ) : null}
        </>
      )}
      {props.more ? (
        <p>
          <a href="/console/applications">{t('cToday.apps.more')}</a>
        </p>
      ) : null}
    </Part>
  );
}

function ApplicationTable(props: { items: TodayApplication[]; caption: string; staffName: string }) {
  const { t } = usePage();
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cToday.apps.number')}</th>
            <th scope="col">{t('cToday.apps.status')}</th>
            <th scope="col">{t('cToday.apps.due')}</th>
            <th scope="col">{t('cToday.apps.left')}</th>
            <th scope="col">{t('cToday.apps.assignee')}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((item) => (
            <tr key={item.trackingNumber}>
              <td>
                <a href={`/console/applications/${encodeURIComponent(item.trackingNumber)}`}>
                  {item.trackingNumber}
                </a>
              </td>
              <td>{t(STATUS_KEYS[item.status])}</td>
              <td>
                {item.dueDate ? (
                  <>
                    <DateText date={item.dueDate} />
                    {item.provisional ? t('cToday.apps.provisional') : null}
                  </>
                ) : item.confirmBy ? (
                  <>
                    {t('cToday.apps.confirmBy')} <DateText date={item.confirmBy} />
                  </>
                ) : null}
              </td>
              <td>
                <DueTag standing={item.standing} />
              </td>
              <td>
                {item.assignee === null
                  ? t('cToday.apps.unassigned')
                  : item.mine
                    ? t('cToday.apps.me', { name: item.assignee.name })
                    : item.assignee.name}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Reviews({ steps }: { steps: TodayReviewStep[] }) {
  const { t } = usePage();
  const waiting = steps.filter((step) => step.items.length > 0);
  return (
    <Part id="today-reviews" title={t('cToday.reviews.title')} hint={t('cToday.reviews.hint')}>
      {waiting.length === 0 ? <p>{t('cToday.reviews.none')}</p> : null}
      {waiting.map((step) => (
        <>
          <h3>{t('cToday.reviews.step', { label: step.label, count: step.items.length })}</h3>
          <ul class="list">
            {step.items.map((item) => (
              <li key={item.id}>
                <p class="entry-title">
                  <a href={`/console/submissions/${encodeURIComponent(item.id)}`}>
                    {item.title === '' ? t('cToday.reviews.untitled') : item.title}
                  </a>
                </p>
                <p class="meta">
                  {item.documentNumber ? <>{item.documentNumber} · </> : null}
                  {t('cToday.reviews.round', { round: item.round })} ·{' '}
                  {item.publicationDueDate ? (
                    <>
                      {t('cToday.reviews.due')}
                      <DateText date={item.publicationDueDate} /> <DueTag standing={item.standing} />
                    </>
                  ) : (
                    t('cToday.reviews.noDue')
                  )}
                </p>
                {item.conflict ? <p class="meta">{t(`cToday.reviews.conflict.${item.conflict}`)}</p> : null}
              </li>
            ))}
          </ul>
          {step.more ? (
            <p>
              <a href={`/console/submissions?step=${encodeURIComponent(step.step)}`}>{t('cToday.more')}</a>
            </p>
          ) : null}
        </>
      ))}
    </Part>
  );
}

function Breaches(props: { items: Breach[]; more: boolean }) {
  const { t } = usePage();
  return (
    <Part id="today-breaches" title={t('cToday.breaches.title')} hint={t('cToday.breaches.hint')}>
      {props.items.length === 0 ? (
        <p>{t('cToday.breaches.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('cToday.breaches.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cToday.breaches.subject')}</th>
                <th scope="col">{t('cToday.breaches.kind')}</th>
                <th scope="col">{t('cToday.breaches.due')}</th>
                <th scope="col">{t('cToday.breaches.recorded')}</th>
                <th scope="col">{t('cToday.breaches.accountable')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((breach) => {
                const href = breach.case === null ? undefined : casePath(breach.case);
                return (
                  <tr key={breach.breachKey}>
                    <td>
                      {href ? <a href={href}>{breach.subject}</a> : breach.subject}
                      {breach.level !== breach.agencyId ? (
                        <p class="meta">{t('cToday.breaches.escalated', { agency: breach.level })}</p>
                      ) : null}
                    </td>
                    <td>
                      <span class="tag red">{t(`cToday.breach.${breach.kind}`)}</span>
                    </td>
                    <td>
                      <DateText date={breach.dueDate} />
                    </td>
                    <td>
                      <DateText date={breach.recordedOn} />
                    </td>
                    <td>
                      {[breach.accountable.primary, breach.accountable.secondary]
                        .flatMap((party) => (party === null ? [] : [accountableText(party, t)]))
                        .join('、')}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {props.more ? <p>{t('cToday.breaches.more')}</p> : null}
    </Part>
  );
}

function Complaints(props: { items: TodayComplaint[]; more: boolean }) {
  const { t } = usePage();
  return (
    <Part id="today-complaints" title={t('cToday.complaints.title')} hint={t('cToday.complaints.hint')}>
      {props.items.length === 0 ? (
        <p>{t('cToday.complaints.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('cToday.complaints.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cToday.complaints.subject')}</th>
                <th scope="col">{t('cToday.complaints.received')}</th>
                <th scope="col">{t('cToday.complaints.due')}</th>
                <th scope="col">{t('cToday.complaints.left')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((complaint) => (
                <tr key={complaint.id}>
                  <td>
                    <a href={`/console/complaints/${encodeURIComponent(complaint.id)}`}>
                      {complaint.subject}
                    </a>
                    {complaint.trackingNumber ? (
                      <p class="meta">
                        {t('cToday.complaints.about', { trackingNumber: complaint.trackingNumber })}
                      </p>
                    ) : null}
                  </td>
                  <td>
                    <DateText date={complaint.receivedOn} />
                  </td>
                  <td>
                    <DateText date={complaint.answerDueDate} />
                  </td>
                  <td>
                    <DueTag standing={complaint.standing} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.more ? (
        <p>
          <a href="/console/complaints">{t('cToday.more')}</a>
        </p>
      ) : null}
    </Part>
  );
}

function Reminders({ items }: { items: ReminderRecord[] }) {
  const { t, locale } = usePage();
  const due = (date: string) => formatCivilDate(date, locale);
  return (
    <Part
      id="today-reminders"
      title={t('cToday.reminders.title')}
      hint={t('cToday.reminders.hint', { days: REMINDER_DAYS })}
    >
      {items.length === 0 ? (
        <p>{t('cToday.reminders.none')}</p>
      ) : (
        <ul class="list">
          {items.map((reminder, index) => {
            const href = reminder.case ? casePath(reminder.case) : undefined;
            const subject = reminder.subject ?? reminder.case?.id ?? '';
            const text =
              reminder.kind === 'annual_report'
                ? t('cToday.reminders.annual', { due: due(reminder.dueDate), count: reminder.daysLeft ?? 0 })
                : reminder.kind === 'confirmation'
                  ? t('cToday.reminders.confirmation', { subject, due: due(reminder.dueDate) })
                  : t('cToday.reminders.case', { subject, due: due(reminder.dueDate) }) +
                    (reminder.workingDaysLeft === undefined
                      ? ''
                      : t('cToday.reminders.left', { count: reminder.workingDaysLeft }));
            return (
              <li key={`${reminder.day}-${index}`}>
                {href ? <a href={href}>{text}</a> : text}
                <p class="meta">{t('cToday.reminders.sent', { date: due(reminder.day) })}</p>
              </li>
            );
          })}
        </ul>
      )}
    </Part>
  );
}
