import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { maskedApplicant } from '#lib/domain/application/applicant';
import type { Role } from '#lib/domain/staff';
import { registerApplication } from '#lib/use-cases/applications/casework';
import { consoleCase } from '#lib/use-cases/applications/console-case';
import { toCsv } from '#lib/web/console/csv';
import { CasePage, seesApplicant } from '#lib/web/console/applications/case.tsx';
import { DecisionForm, decisionCandidate, keptFiles } from '#lib/web/console/applications/decision.tsx';
import { csvRows } from '#lib/web/console/applications/list.tsx';
import { daysLeftText, maskAddress, maskEmail, OUTCOME_GROUPS } from '#lib/web/console/applications/wording';
import { Page, type PageContext } from '#lib/web/context';
import { translator } from '#lib/web/messages/catalogue';
import { aPrincipal, aRegistration, anAgency, anApplicant, cst } from '#test/support/factories';
import { givenAgency, inMemoryWorld } from '#test/support/fakes';

/** The applications pages' details, on their HTML: the outcome rows, the masks, the days left in words. */
const zh = translator('zh-CN');
const en = translator('en');

const html = (children: ComponentChildren, locale: 'zh-CN' | 'en' = 'zh-CN'): string => {
  const context: PageContext = {
    locale,
    t: translator(locale),
    path: '/console/applications',
    largeText: false,
    csrfToken: () => 'token',
    console: { staff: undefined, page: '/console/applications' },
  };
  return render(<Page.Provider value={context}>{children}</Page.Provider>);
};

describe('the days left', () => {
  it('says the time in words, with a colour that is never the only sign', () => {
    expect(daysLeftText(zh, 5, 'in_progress')).toEqual({ text: '剩余5个工作日', tone: 'green' });
    expect(daysLeftText(zh, 3, 'in_progress')).toEqual({ text: '剩余3个工作日', tone: 'amber' });
    expect(daysLeftText(zh, 0, 'in_progress')).toEqual({ text: '今天到期', tone: 'red' });
    expect(daysLeftText(zh, -2, 'in_progress')).toEqual({ text: '已逾期2个工作日', tone: 'red' });
    expect(daysLeftText(zh, null, 'awaiting_confirmation').text).toBe('待确认受理，尚未计时');
    expect(daysLeftText(zh, null, 'consulting')).toEqual({ text: '答复期限暂停计算', tone: null });
    expect(daysLeftText(zh, null, 'decided').text).toBe('已办结');
    expect(daysLeftText(en, -1, 'in_progress').text).toBe('Overdue by 1 working days');
  });
});

describe('the decision form', () => {
  const form = html(
    <DecisionForm
      action="/console/applications/2026-TEST-0001/decision"
      values={{}}
      errors={[]}
      formKey="k"
      version={1}
      kept={[]}
      filesDropped={false}
    />,
  );

  it('offers the 21 outcome rows of the national table, grouped as the table groups them', () => {
    expect(OUTCOME_GROUPS.map((group) => group.outcome)).toEqual([
      'disclosed',
      'partially_disclosed',
      'not_disclosed',
      'cannot_provide',
      'not_processed',
      'otherwise_handled',
    ]);
    expect(form.match(/name="outcome"/g)).toHaveLength(21);
    const legends = [...form.matchAll(/<fieldset class="outcome-group"><legend>([^<]+)<\/legend>/g)].map(
      (match) => match[1],
    );
    expect(legends).toEqual(['不予公开', '无法提供', '不予处理', '其他处理']);
    expect(form).toContain('value="not_disclosed.state_secret"');
    expect(form).toContain('危及“三安全一稳定”');
    expect(form).toContain('value="otherwise_handled.fee_unpaid"');
  });

  it('says which rows need the legal basis: all but 予以公开 and the lapses the rules name', () => {
    const hinted = (value: string) =>
      new RegExp(`value="${value.replace('.', '\\.')}"[^>]*aria-describedby=`).test(form);
    expect(hinted('disclosed')).toBe(false);
    expect(hinted('partially_disclosed')).toBe(true);
    expect(hinted('not_disclosed.state_secret')).toBe(true);
    expect(hinted('otherwise_handled.no_supplement')).toBe(false);
    expect(hinted('otherwise_handled.other')).toBe(true);
  });

  it('reads the chosen row into the domain’s decision, with the files kept by the preview', () => {
    const fields: Record<string, string> = {
      outcome: 'partially_disclosed',
      withheldBecause: 'third_party_rights',
      legalBasis: '条例第三十七条',
      reasons: '区分处理',
    };
    const files = keptFiles({
      getAll: (name) => (name === 'fileKey' ? ['k1'] : name === 'fileName' ? ['a.pdf'] : []),
    });
    expect(decisionCandidate({ get: (name) => fields[name] }, files)).toEqual({
      outcome: 'partially_disclosed',
      withheldBecause: 'third_party_rights',
      releasedFiles: [{ uploadKey: 'k1', name: 'a.pdf' }],
      access: undefined,
      legalBasis: '条例第三十七条',
      reasons: '区分处理',
    });
    expect(
      decisionCandidate(
        { get: (name) => ({ outcome: 'cannot_provide.not_held', heldByUnknown: 'yes' })[name] },
        [],
      ),
    ).toMatchObject({ outcome: 'cannot_provide', reason: 'not_held', heldBy: null });
  });
});

describe('the applicant’s details', () => {
  it('masks the address and e-mail for roles that do not write to the applicant', () => {
    expect(maskAddress('北京市东城区东华门街道1号')).toBe('北京市东城区＊＊＊＊');
    expect(maskAddress('某路1号')).toBe('＊＊＊＊');
    expect(maskEmail('zhangsan@example.cn')).toBe('z＊＊＊@example.cn');
    expect(seesApplicant(new Set<Role>(['clerk']))).toBe(true);
    expect(seesApplicant(new Set<Role>(['approver', 'supervisor', 'agency_admin']))).toBe(false);
  });

  async function caseFor(roles: readonly Role[]) {
    const world = inMemoryWorld();
    await givenAgency(world, anAgency({ agencyId: 'ag-city' }));
    const applicant = anApplicant({ email: 'zhangsan@example.cn' });
    const now = cst('2026-11-02');
    const { trackingNumber } = await registerApplication(
      world.applicationDeps,
      aPrincipal(['clerk']),
      'ag-city',
      aRegistration({ receivedOn: '2026-11-02', applicant }),
      now,
    );
    const data = await consoleCase(world.applicationDeps, 'ag-city', trackingNumber, cst('2026-11-03'));
    return html(
      <CasePage
        data={data}
        roles={new Set(roles)}
        done={undefined}
        failed={undefined}
        decision={{ formKey: 'k', kept: [], filesDropped: false }}
        conflict={false}
        accessToken={null}
        held={undefined}
        heldNotice={null}
      />,
    );
  }

  it('shows the clerk the whole identity number, phone and address; the approver the masked ones', async () => {
    const clerk = await caseFor(['clerk']);
    expect(clerk).toContain('110101199001011234');
    expect(clerk).toContain('13800000000');
    expect(clerk).toContain('北京市东城区某路1号');
    const approver = await caseFor(['approver']);
    expect(approver).not.toContain('110101199001011234');
    expect(approver).toContain('**************1234');
    expect(approver).not.toContain('13800000000');
    expect(approver).not.toContain('zhangsan@');
    expect(approver).toContain('张三');
  });

  it('offers each role exactly its steps: the extension to the approver, the clarification to the clerk', async () => {
    const clerk = await caseFor(['clerk']);
    const approver = await caseFor(['approver']);
    const summaries = (page: string) =>
      [...page.matchAll(/<summary>([^<]+)<\/summary>/g)].map((match) => match[1]);
    expect(summaries(clerk)).toContain('要求补正');
    expect(summaries(clerk)).not.toContain('延期答复');
    expect(summaries(approver)).toContain('延期答复');
    expect(summaries(approver)).not.toContain('要求补正');
    expect(summaries(clerk)).toContain('作出答复');
    expect(summaries(approver)).toContain('作出答复');
  });
});

describe('the CSV', () => {
  it('has a header row and the applicant by name only, and is safe from formulas', () => {
    const rows = csvRows(zh, [
      {
        trackingNumber: '2026-TEST-0001',
        status: 'in_progress',
        channel: 'letter_registered',
        receivedOn: '2026-11-02',
        dueDate: '2026-11-30',
        provisional: false,
        applicant: maskedApplicant(anApplicant()),
        request: { description: '=cmd|calc' },
        assignee: null,
        outcome: null,
        confirmBy: null,
        supplementLapsedOn: null,
        workingDaysLeft: 4,
      },
    ]);
    const csv = toCsv(rows);
    expect(
      csv.startsWith(
        '\uFEFF"申请编号","收到申请日期","申请人","申请内容","办理状态","答复期限","剩余时间","承办人"\r\n',
      ),
    ).toBe(true);
    expect(csv).toContain(
      '"2026-TEST-0001","2026-11-02","张三","\'=cmd|calc","办理中","2026-11-30","剩余4个工作日",""',
    );
    expect(csv).not.toContain('1234');
  });
});
