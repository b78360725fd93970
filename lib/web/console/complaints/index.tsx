import type { PageRouteKeyOf } from '#lib/api/page-routes';
import type { complaintsRoutes } from '#lib/api/console-routes/complaints';
import { chinaDateOf } from '#lib/domain/china-time';
import { ComplaintReply } from '#lib/domain/complaint';
import { VersionConflictError, WrongStateError } from '#lib/domain/errors';
import type { Principal } from '#lib/domain/staff';
import { getComplaint, listComplaints, replyToComplaint } from '#lib/use-cases/complaints';
import type { FieldError } from '../../components';
import type { Translate } from '../../messages/catalogue';
import { PageError, type PageAnswer, type PageHandler, type PageRequest } from '../../page-function';
import { fieldErrors } from '../../pages/follow/form-errors';
import type { ConsoleDeps } from '../console-deps';
import { CSV_CONTENT_TYPE, toCsv } from '../csv';
import { heldValues } from '../held';
import { mayCall, mayOpen } from '../may';
import { ComplaintPage, type ComplaintPowers } from './complaint';
import { ComplaintList, ComplaintListQuery, complaintCsvRows, dueBeforeOf } from './list';
import { answerAction, type StaffComplaint } from './words';

type Key = Extract<
  PageRouteKeyOf<'console'>,
  `${(typeof complaintsRoutes)[number]['method']} ${(typeof complaintsRoutes)[number]['path']}`
>;

const REPLY = 'POST /v1/agencies/{agencyId}/complaints/{complaintId}/reply' as const;
const PAGE_SIZE = 25;
/** A CSV export reads the list page by page up to this many rows. */
const CSV_MAX_ROWS = 5000;

/** Complaints (投诉举报): the section's roles read them; whoever the reply route admits answers them. */
function readerOf(principal: Principal): Principal {
  if (!mayOpen(principal.roles, '/console/complaints'))
    throw new PageError(403, 'cCmp.forbidden.title', 'cCmp.forbidden.body');
  return principal;
}

const powersOf = (principal: Principal): ComplaintPowers => ({ answer: mayCall(principal.roles, REPLY) });

/** The console's complaints pages. */
export function complaintsPages(deps: ConsoleDeps): { [K in Key]: PageHandler<K> } {
  const complaintAnswer = async (
    request:
      | PageRequest<'GET /console/complaints/{complaintId}'>
      | PageRequest<'POST /console/complaints/{complaintId}/answer'>,
    complaint: StaffComplaint,
    form: { values?: Readonly<Record<string, string>>; errors?: FieldError[]; conflict?: boolean },
  ): Promise<PageAnswer> => {
    const { t, session } = request;
    const answeredBy =
      complaint.answer === null ? undefined : (await deps.staff.store.get(complaint.answer.by))?.name;
    const status = form.conflict ? 409 : form.errors && form.errors.length > 0 ? 422 : 200;
    return {
      kind: 'page',
      status,
      title: complaint.subject,
      crumbs: [{ label: t('cCmp.list.title'), href: '/console/complaints' }, { label: complaint.subject }],
      cache: { kind: 'no-store' },
      robots: 'noindex',
      body: (
        <ComplaintPage
          complaint={complaint}
          today={chinaDateOf(request.now)}
          powers={powersOf(session.principal)}
          answeredBy={answeredBy}
          form={form}
          held={request.held}
          query={request.query}
        />
      ),
    };
  };

  return {
    'GET /console/complaints': async ({ session, query, t, now }) => {
      const { agencyId } = readerOf(session.principal);
      const filters = ComplaintListQuery.parse(query);
      const today = chinaDateOf(now);
      const dueBefore = dueBeforeOf(filters.due, today);
      if (filters.format === 'csv') {
        const items: StaffComplaint[] = [];
        let nextToken: string | undefined;
        do {
          const page = await listComplaints(deps.complaints, agencyId, {
            status: filters.status,
            limit: 100,
            nextToken,
            dueBefore,
          });
          items.push(...page.items);
          nextToken = page.nextToken ?? undefined;
        } while (nextToken !== undefined && items.length < CSV_MAX_ROWS);
        return {
          kind: 'download',
          filename: `${t('cCmp.csv.filename')}-${filters.status}-${today}.csv`,
          contentType: CSV_CONTENT_TYPE,
          body: toCsv(complaintCsvRows(items.slice(0, CSV_MAX_ROWS), today, t)),
        };
      }
      const page = await listComplaints(deps.complaints, agencyId, {
        status: filters.status,
        limit: PAGE_SIZE,
        nextToken: filters.nextToken,
        dueBefore,
      });
      return {
        kind: 'page',
        title: t('cCmp.list.title'),
        cache: { kind: 'no-store' },
        robots: 'noindex',
        body: <ComplaintList query={filters} items={page.items} nextToken={page.nextToken} today={today} />,
      };
    },

    'GET /console/complaints/{complaintId}': async (request) => {
      const { agencyId } = readerOf(request.session.principal);
      const complaint = await getComplaint(deps.complaints, agencyId, request.params.complaintId);
      const values = heldValues(request.held, answerAction(complaint.id));
      return complaintAnswer(request, complaint, values === undefined ? {} : { values: clean(values) });
    },

    'POST /console/complaints/{complaintId}/answer': async (request) => {
      const { session, params, form, t, now } = request;
      const principal = readerOf(session.principal);
      // Found (or the not-found page) before anything else: another agency's complaint is not there.
      const complaint = await getComplaint(deps.complaints, principal.agencyId, params.complaintId);
      if (!mayCall(principal.roles, REPLY))
        throw new PageError(403, 'cCmp.forbidden.title', 'cCmp.answer.forbidden');
      const upheld = form.get('upheld');
      const parsed = ComplaintReply.safeParse({
        reply: form.get('answer') ?? '',
        upheld: upheld === 'yes' ? true : upheld === 'no' ? false : undefined,
      });
      if (!parsed.success)
        return complaintAnswer(request, complaint, {
          values: form.values,
          errors: answerErrors(parsed.error, t),
        });
      try {
        await replyToComplaint(
          deps.complaints,
          principal,
          principal.agencyId,
          complaint.id,
          parsed.data,
          now,
        );
      } catch (error) {
        if (!(error instanceof WrongStateError || error instanceof VersionConflictError)) throw error;
        // Someone answered it meanwhile: the page again, as it stands now, saying so.
        const current = await getComplaint(deps.complaints, principal.agencyId, complaint.id);
        return complaintAnswer(request, current, { conflict: true });
      }
      return { kind: 'redirect', location: `/console/complaints/${complaint.id}?done=answered` };
    },
  };
}

const clean = (values: Readonly<Record<string, string | undefined>>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(values).flatMap(([name, value]) => (value === undefined ? [] : [[name, value]])),
  );

const answerErrors = (error: Parameters<typeof fieldErrors>[0], t: Translate): FieldError[] =>
  fieldErrors(
    error,
    {
      upheld: {
        field: 'upheld',
        empty: 'cCmp.upheld.empty',
        tooLong: 'cCmp.tooLong',
        invalid: 'cCmp.upheld.empty',
      },
      reply: {
        field: 'answer',
        empty: 'cCmp.answer.empty',
        tooLong: 'cCmp.tooLong',
        invalid: 'cCmp.textInvalid',
      },
    },
    t,
  );
