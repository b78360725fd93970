import * as z from 'zod';
import { CivilDate, type IsoDate } from '../calendar/civil-date';

/**
 * How a notice to the other side — the 补正通知 to the applicant, the 征求意见书 to a consulted party, the
 * 收费通知 to the applicant — reached them, and when. The period it gives them runs from its delivery
 * (Reg. 32: 自收到征求意见书之日起; the fee rules: from receipt of the notice; Reg. 30: the period the
 * notice sets): online, by e-mail or fax and in person that is the day it is sent; by post the day it is
 * signed for, entered when the return receipt comes back. Until then the period has no due date.
 */
export const DeliveryMethod = z.enum(['online', 'email', 'fax', 'in_person', 'post']);
export type DeliveryMethod = z.infer<typeof DeliveryMethod>;

export const Delivery = z.object({
  method: DeliveryMethod,
  /** The day the other side received it; null until known (post). */
  deliveredOn: CivilDate.nullable(),
});
export type Delivery = z.infer<typeof Delivery>;

/** How staff say a notice is sent: online (the status page, and e-mail where given) unless told. */
export const deliveredBy = DeliveryMethod.optional();

/** A notice's delivery as known the day it is sent: at once, except by post. */
export const deliveryOf = (method: DeliveryMethod | undefined, sentOn: IsoDate): Delivery => ({
  method: method ?? 'online',
  deliveredOn: method === 'post' ? null : sentOn,
});
