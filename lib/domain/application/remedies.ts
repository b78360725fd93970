import type { Agency } from '../agency';
import type { Outcome } from './outcomes';

/**
 * The remedies (救济途径) a letter tells its addressee, under the Administrative Reconsideration Law as
 * revised in 2023 (in force 2024-01-01) and the Administrative Litigation Law (RULES §2, "Remedies since
 * 2024"): which route, and which body reconsiders — named, never "上一级主管部门或者本级人民政府".
 */

/** Reconsideration before any lawsuit (复议前置), or the addressee's choice of either. */
export type RemedyRoute = 'reconsideration_first' | 'reconsideration_or_lawsuit';

/**
 * A refusal to disclose is reconsidered before any lawsuit (行政复议法 Art. 23(1)(4), and ¶2: the letter
 * must say so). 部分公开 refuses the part it withholds, so it goes the same way: a letter offering that
 * applicant a direct lawsuit would send them to a court bound to turn them away while their 60 days run.
 * Every other decision: reconsideration within 60 days, or a lawsuit within 6 months (行政诉讼法 Art. 46).
 */
export const remedyRouteOf = (outcome: Outcome): RemedyRoute =>
  outcome === 'not_disclosed' || outcome === 'partially_disclosed'
    ? 'reconsideration_first'
    : 'reconsideration_or_lawsuit';

/** How the law designates the body for each kind of agency. */
export type BodyDesignation = '本级人民政府' | '上一级人民政府' | '上一级主管部门' | '本机关';

export type ReconsiderationBody = {
  readonly designation: BodyDesignation;
  /** The article that makes it the body. */
  readonly basis: string;
  /** Its name as letters print it; null when Gongkai cannot name it (see `gap`). */
  readonly name: string | null;
  /** Where the name comes from: the agency's own setting, its parent on record, or the agency itself. */
  readonly source: 'setting' | 'parent' | 'itself' | null;
  /** Why the body is not named, and what the agency can do about it; null when it is named. */
  readonly gap: string | null;
};

/** What a letter says when the body cannot be named: the one designation the law gives, never a choice. */
const UNNAMED: Record<BodyDesignation, string> = {
  本级人民政府: '本机关所属的本级人民政府',
  上一级人民政府: '本机关的上一级人民政府',
  上一级主管部门: '本机关的上一级主管部门',
  本机关: '本机关',
};

const LAW = '《中华人民共和国行政复议法》';

/** The kind of agency its settings and level make it: the body's designation, its basis, the parent it needs. */
function kindOf(agency: Pick<Agency, 'level' | 'reconsideration'>): {
  designation: BodyDesignation;
  basis: string;
  parentLevel: Agency['level'] | null;
} {
  if (agency.reconsideration.reconsidersOwnDecisions)
    return agency.level === 'department'
      ? { designation: '本机关', basis: `${LAW}第二十五条第一项`, parentLevel: null }
      : { designation: '本机关', basis: `${LAW}第二十四条第二款`, parentLevel: null };
  if (agency.reconsideration.vertical)
    return { designation: '上一级主管部门', basis: `${LAW}第二十七条`, parentLevel: 'department' };
  return agency.level === 'department'
    ? { designation: '本级人民政府', basis: `${LAW}第二十四条第一款第一项`, parentLevel: 'government' }
    : { designation: '上一级人民政府', basis: `${LAW}第二十四条第一款第二项`, parentLevel: 'government' };
}

/**
 * The body that reconsiders the agency's decisions (Arts. 24–27), derived from the agency's settings and
 * its parent as Gongkai knows it: a department of a local government → that government (本级人民政府); a
 * local government → the government above it; a vertically led body → its superior department; a State
 * Council department or a province-level government → itself. The agency's `bodyName` overrides the name.
 * A parent of the wrong kind is not taken for the body: the name is then missing, the letter prints the
 * one designation the law gives, and `gap` tells the agency how to name it.
 */
export function reconsiderationBodyOf(
  agency: Pick<Agency, 'name' | 'level' | 'reconsideration'>,
  parent: Pick<Agency, 'name' | 'level'> | undefined,
): ReconsiderationBody {
  const { designation, basis, parentLevel } = kindOf(agency);
  const named = (name: string, source: 'setting' | 'parent' | 'itself'): ReconsiderationBody => ({
    designation,
    basis,
    name,
    source,
    gap: null,
  });
  if (agency.reconsideration.bodyName !== null) return named(agency.reconsideration.bodyName, 'setting');
  if (parentLevel === null) return named(agency.name, 'itself');
  if (parent?.level === parentLevel) return named(parent.name, 'parent');
  const why =
    parent === undefined
      ? 'no parent agency is on record'
      : `the parent on record (${parent.name}) is a ${parent.level}, not the ${designation}`;
  return {
    designation,
    basis,
    name: null,
    source: null,
    gap: `Gongkai cannot name the ${designation}: ${why}. Letters say “${UNNAMED[designation]}” until the parent is recorded or the body’s name is set (PUT /v1/agencies/{agencyId}/reconsideration).`,
  };
}

/** The body as a letter names it: its name, or else the law's one designation of it. */
export const bodyInLetter = (body: ReconsiderationBody): string => body.name ?? UNNAMED[body.designation];

/**
 * The remedy sentence of a letter, in plain text (the letter escapes it). `subject`: what the addressee
 * may contest — the answer to an application, or a decision told to a third party.
 */
export function remedySentence(
  route: RemedyRoute,
  body: ReconsiderationBody,
  subject: '本答复' | '本决定' = '本答复',
): string {
  const reconsideration = `自收到本告知书之日起六十日内向${bodyInLetter(body)}申请行政复议`;
  return route === 'reconsideration_first'
    ? `如对${subject}不服，依照${LAW}第二十三条的规定，应当先申请行政复议：可以${reconsideration}；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼；行政复议机关逾期不作决定的，可以自复议期满之日起十五日内依法向人民法院提起行政诉讼。`
    : `如对${subject}不服，可以${reconsideration}，或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼。`;
}
