import * as z from 'zod';
import { CivilDate } from './civil-date';
import { freeText, optionalText } from '../free-text';

/**
 * The State Council General Office's notice a year's schedule was published in. Its own module, apart from
 * the schedules (`year-schedule.ts`), so that what only shows a notice does not load the bundled holiday
 * table with it.
 */
export const Notice = z.strictObject({
  title: freeText(200),
  documentNumber: optionalText(100),
  publishedOn: CivilDate.optional(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
});
export type Notice = z.infer<typeof Notice>;
