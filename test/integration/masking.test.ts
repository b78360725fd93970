import { beforeAll, describe, expect, it } from 'vitest';
import { anAgencyWithStaff, anApplicant, api, aRegisteredApplication } from '#test/support/api';

/**
 * Issue 12, point 4: the staff work queue shows at most the last 4 characters of an identity document or
 * phone number, and never more than 40 % of it.
 */
describe('masking in the staff work queue', () => {
  let agency: Awaited<ReturnType<typeof anAgencyWithStaff>>;
  beforeAll(async () => {
    agency = await anAgencyWithStaff();
  });

  const queued = async (applicant: Record<string, unknown>) => {
    const { trackingNumber } = await aRegisteredApplication(agency.agencyId, agency.tokens.clerk, {
      applicant: anApplicant(applicant),
    });
    const queue = await api('GET', `/v1/agencies/${agency.agencyId}/applications?limit=100`, {
      token: agency.tokens.clerk,
    });
    expect(queue.status).toBe(200);
    const item = queue.json.items.find(
      (candidate: { trackingNumber: string }) => candidate.trackingNumber === trackingNumber,
    );
    return { item, text: JSON.stringify(queue.json) };
  };

  it.each([
    ['a 7-digit identity number', 'other', '1234567', '*****67'],
    ['a passport number E1234567', 'passport', 'E1234567', '*****567'],
    ['an 18-digit identity card number', 'resident_id_card', '110105194912310021', '**************0021'],
  ])('%s shows only its end', async (_, type, number, masked) => {
    const { item, text } = await queued({ idDocument: { type, number }, phone: '13812345678' });
    expect(item.applicant.idDocument).toEqual({ type, number: masked });
    expect(item.applicant.phone).toBe('*******5678');
    expect(text).not.toContain(number);
    expect(text).not.toContain('138123');
  });
});
