import * as z from 'zod';
import { freeText, refuseForbiddenCharacters } from '../free-text';

/**
 * How long the agency has to publish an item (Reg. 26): working or natural days from its formation or
 * change, and the provision that sets them.
 */
export const PublicationPeriod = z.strictObject({
  days: z.int().min(1).max(365),
  unit: z.enum(['working_days', 'natural_days']),
  basis: freeText(200),
});
export type PublicationPeriod = z.infer<typeof PublicationPeriod>;

/**
 * The disclosure catalogue (政府信息公开目录): the categories an agency files its proactive disclosures
 * under. The defaults are the 15 categories of Reg. 20 and the agency items the seeds add; an agency
 * administrator may edit them. A category may carry the deadline another law sets for it (Reg. 26:
 * "法律、法规对政府信息公开的期限另有规定的，从其规定"), with that law's provision: it takes the place of
 * the 20 working days and of the agency's general publication policy for the items filed under it.
 */
export const CatalogueEntry = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'must be 2–40 lower-case letters, digits or underscores'),
  name: freeText(100),
  basis: z.string().trim().max(200).superRefine(refuseForbiddenCharacters(200)).optional(),
  deadline: PublicationPeriod.optional(),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;

export const CatalogueUpdate = z.strictObject({
  version: z.int().min(1, 'must be the version you read'),
  entries: z
    .array(CatalogueEntry)
    .min(1)
    .max(100)
    .refine(
      (entries) => new Set(entries.map((entry) => entry.code)).size === entries.length,
      'must not repeat a code',
    ),
});
export type CatalogueUpdate = z.infer<typeof CatalogueUpdate>;

export const DEFAULT_CATALOGUE: readonly CatalogueEntry[] = [
  {
    code: 'rules_and_normative_documents',
    name: '行政法规、规章和行政规范性文件',
    basis: '条例第二十条第（一）项',
  },
  {
    code: 'organisation',
    name: '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名',
    basis: '条例第二十条第（二）项',
  },
  {
    code: 'plans',
    name: '国民经济和社会发展规划、专项规划、区域规划及相关政策',
    basis: '条例第二十条第（三）项',
  },
  { code: 'statistics', name: '国民经济和社会发展统计信息', basis: '条例第二十条第（四）项' },
  { code: 'licensing', name: '行政许可、其他对外管理服务事项', basis: '条例第二十条第（五）项' },
  { code: 'penalties_and_enforcement', name: '行政处罚、行政强制', basis: '条例第二十条第（六）项' },
  {
    code: 'budgets',
    name: '财政预算、决算信息',
    basis: '条例第二十条第（七）项',
    // Counted from the approval (批准, 批复), which is the date of formation an item of this category gives.
    deadline: {
      days: 20,
      unit: 'natural_days',
      basis: '《中华人民共和国预算法》第十四条：批准（批复）后二十日内公开',
    },
  },
  { code: 'fees', name: '行政事业性收费项目及其依据、标准', basis: '条例第二十条第（八）项' },
  { code: 'procurement', name: '政府集中采购项目的目录、标准及实施情况', basis: '条例第二十条第（九）项' },
  { code: 'major_projects', name: '重大建设项目的批准和实施情况', basis: '条例第二十条第（十）项' },
  {
    code: 'public_welfare',
    name: '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况',
    basis: '条例第二十条第（十一）项',
  },
  {
    code: 'emergencies',
    name: '突发公共事件的应急预案、预警信息及应对情况',
    basis: '条例第二十条第（十二）项',
  },
  {
    code: 'inspections',
    name: '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况',
    basis: '条例第二十条第（十三）项',
  },
  {
    code: 'recruitment',
    name: '公务员招考的职位、名额、报考条件等事项以及录用结果',
    basis: '条例第二十条第（十四）项',
  },
  {
    code: 'other_required',
    name: '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息',
    basis: '条例第二十条第（十五）项',
  },
  { code: 'three_public_expenses', name: '“三公”经费', basis: '本机关公开目录' },
  { code: 'cadre_appointments', name: '干部任免', basis: '本机关公开目录' },
  { code: 'policy_interpretation', name: '政策解读', basis: '本机关公开目录' },
  { code: 'annual_reports', name: '政府信息公开工作年度报告', basis: '条例第四十九条' },
];
