/**
 * Self-service queries for an insured person (个人查询, PRODUCT.md §2): 参保信息, 缴费信息 (+ the yearly summary
 * behind the chart), 个人账户, 养老待遇 / 代发待遇 / 机关养老 / 职业年金 / 工伤待遇 payments, 待遇资格认证,
 * 工伤认定 / 劳动能力鉴定, 我的办件, and the person's own profile with the reveal toggle (小眼睛).
 *
 * Conventions the clients rely on:
 * - Every endpoint is `/api/me/...` with a person token: the person is the one signed in, never an id in the URL.
 *   An id that is in a URL (`/api/me/payments/:id`, `/api/me/work-injury/determinations/:id`,
 *   `/api/me/cases/:serialNo`) and belongs to someone else answers 404 NOT_FOUND, exactly like a missing one.
 *   Unit and reviewer tokens get 403 FORBIDDEN (without data).
 * - Money: `xxxFen` integer fen (exact) and `xxxYuan` the same amount as screen text ("2,844.80").
 * - Periods: `period` YYYYMM (202403) and `periodText` "2024年03月". Calendar dates 'YYYY-MM-DD'; instants ISO 8601
 *   (UTC) with a `xxxText` 'YYYY-MM-DD HH:mm:ss' in Asia/Shanghai beside them.
 * - Personal data (ID number, phone, bank account, name) is masked unless `GET /api/me/profile?reveal=1`
 *   (the owner's 小眼睛; audit-logged).
 */
import { z } from 'zod';
import { InsuranceTypes } from '../codes/insurance';
import { CaseStatuses, PaymentKinds } from '../codes/status';
import { codeSchema, InstantSchema, IsoDateSchema, PageQuery, Paged } from './common';
import { defineRoutes } from './route';

// ── field helpers ───────────────────────────────────────────────────────────────────────────

/** Query-string values: an empty `?year=` means "not given" (pickers send empty strings). */
function optionalQuery<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());
}

const Fen = z.number().int().describe('金额（分，整数）');
const Yuan = z.string().describe('金额（元，两位小数，千分位，如 2,844.80）');
const Period = z.number().int().describe('期号 YYYYMM');
const PeriodText = z.string().describe('期号文字，如 2024年03月');
const InstantText = z.string().describe('北京时间 YYYY-MM-DD HH:mm:ss');

export const YearQuerySchema = z.coerce
  .number('年度须为数字')
  .int('年度须为整数')
  .min(1900, '年度须为四位数年份')
  .max(2999, '年度须为四位数年份');

export const PaymentKindSchema = codeSchema(PaymentKinds, '待遇类别').describe(
  'BASIC_PENSION 基本养老金 / PROXY_BENEFIT 代发待遇 / PUBLIC_PENSION 机关事业单位养老金 / OCCUPATIONAL_ANNUITY 职业年金 / WORK_INJURY 长期工伤待遇',
);
export const CaseStatusSchema = codeSchema(CaseStatuses, '办件状态');
const InsuranceTypeCode = codeSchema(InsuranceTypes, '险种');

export const UnitBrief = z.object({ unitNo: z.string().describe('单位编号'), name: z.string().describe('单位名称') });
export type UnitBrief = z.infer<typeof UnitBrief>;

export const RevealQuery = z.object({
  reveal: z
    .enum(['0', '1', 'true', 'false'], 'reveal 只能为 0 或 1')
    .optional()
    .transform((v) => v === '1' || v === 'true')
    .describe('1：显示明文（小眼睛，记录操作日志）'),
});

// ── profile ─────────────────────────────────────────────────────────────────────────────────

export const ProfileBankAccount = z.object({
  purpose: z.string(),
  purposeLabel: z.string().describe('用途：待遇发放、工伤收款…'),
  bankName: z.string(),
  accountName: z.string().describe('户名（默认脱敏）'),
  accountNumber: z.string().describe('账号（默认脱敏 ****1234）'),
});

export const PersonProfile = z.object({
  personNo: z.string().describe('个人编号'),
  name: z.string().describe('姓名（默认脱敏 张*）'),
  idType: z.string(),
  idTypeLabel: z.string(),
  idNumber: z.string().describe('证件号码（默认脱敏 420***********1234）'),
  sex: z.string(),
  sexLabel: z.string(),
  birthDate: IsoDateSchema.nullable().describe('出生日期（默认不显示：null）'),
  phone: z.string().nullable().describe('手机号码（默认脱敏 138****5678）'),
  status: z.string(),
  statusLabel: z.string().describe('人员状态：在职 / 离退休 / 死亡'),
  regionCode: z.string(),
  regionName: z.string().describe('参保所属地'),
  firstWorkDate: IsoDateSchema.nullable().describe('首次参工时间'),
  retiredOn: IsoDateSchema.nullable().describe('退休日期'),
  bankAccounts: z.array(ProfileBankAccount),
  revealed: z.boolean().describe('true：姓名、证件号码、手机、银行账号为明文'),
});
export type PersonProfile = z.infer<typeof PersonProfile>;

// ── 参保信息 ─────────────────────────────────────────────────────────────────────────────────

export const EnrolmentSpell = z.object({
  unit: UnitBrief.nullable().describe('参保单位；灵活就业、城乡居民为 null'),
  status: z.string(),
  statusLabel: z.string().describe('参保缴费 / 暂停缴费 / 终止参保'),
  startedOn: IsoDateSchema.describe('参保日期'),
  startPeriod: Period,
  startPeriodText: PeriodText,
  stopPeriod: Period.nullable().describe('停保期号（最后缴费月）'),
  stopPeriodText: PeriodText.nullable(),
  stoppedOn: IsoDateSchema.nullable(),
  stopReason: z.string().nullable(),
  stopReasonLabel: z.string().nullable().describe('停保原因'),
  monthlyBaseFen: Fen.nullable(),
  monthlyBaseYuan: Yuan.nullable().describe('当前缴费基数'),
});
export type EnrolmentSpell = z.infer<typeof EnrolmentSpell>;

/** One insurance type: its current (or latest) enrolment, the first enrolment date, and earlier spells. */
export const EnrolmentItem = EnrolmentSpell.extend({
  insuranceType: InsuranceTypeCode,
  insuranceLabel: z.string(),
  firstEnrolledOn: IsoDateSchema.describe('首次参保日期（该险种最早一次）'),
  history: z.array(EnrolmentSpell).describe('该险种以前的参保记录，新的在前'),
});
export type EnrolmentItem = z.infer<typeof EnrolmentItem>;

export const EnrolmentsResponse = z.object({
  personNo: z.string(),
  name: z.string().describe('姓名（脱敏）'),
  statusLabel: z.string(),
  items: z.array(EnrolmentItem).describe('每个险种一项，按险种顺序'),
});
export type EnrolmentsResponse = z.infer<typeof EnrolmentsResponse>;

// ── 缴费信息 ─────────────────────────────────────────────────────────────────────────────────

export const ContributionsQuery = PageQuery.extend({
  year: optionalQuery(YearQuerySchema).describe('年度（自然年）；不传为全部年度'),
  insuranceType: optionalQuery(InsuranceTypeCode).describe('险种；不传为全部险种'),
});
export type ContributionsQuery = z.input<typeof ContributionsQuery>;

export const ContributionRow = z.object({
  period: Period,
  periodText: PeriodText,
  insuranceType: InsuranceTypeCode,
  insuranceLabel: z.string().describe('险种简称：养老 / 失业 / 工伤…'),
  baseFen: Fen,
  baseYuan: Yuan.describe('缴费基数'),
  unitAmountFen: Fen,
  unitAmountYuan: Yuan.describe('单位缴纳'),
  personalAmountFen: Fen,
  personalAmountYuan: Yuan.describe('个人缴纳'),
  status: z.string(),
  statusLabel: z.string().describe('实缴到账 / 欠费 / 补缴到账 / 应缴未到账 / 已退费'),
  kind: z.string(),
  kindLabel: z.string().describe('正常应缴 / 补缴 / 缴费工资变更差额'),
  unitName: z.string().nullable(),
  paidAt: InstantSchema.nullable(),
  paidAtText: InstantText.nullable().describe('到账时间（北京时间）'),
});
export type ContributionRow = z.infer<typeof ContributionRow>;

/**
 * Totals over a set of records. Months count distinct periods (one month paid for three insurance types is one
 * month); amounts paid are over 实缴到账 + 补缴到账; the average base is over paid records that are not 差额.
 */
export const ContributionStats = z.object({
  records: z.number().int(),
  months: z.number().int().describe('有记录的月数'),
  paidMonths: z.number().int().describe('实缴/补缴到账的月数'),
  arrearsMonths: z.number().int().describe('欠费月数'),
  averageBaseFen: Fen,
  averageBaseYuan: Yuan.describe('到账月份的平均缴费基数'),
  unitAmountFen: Fen,
  unitAmountYuan: Yuan.describe('单位缴纳（已到账）'),
  personalAmountFen: Fen,
  personalAmountYuan: Yuan.describe('个人缴纳（已到账）'),
  arrearsAmountFen: Fen,
  arrearsAmountYuan: Yuan.describe('欠费金额（单位 + 个人）'),
});
export type ContributionStats = z.infer<typeof ContributionStats>;

export const ContributionsResponse = Paged(ContributionRow).extend({
  year: z.number().int().nullable(),
  insuranceType: InsuranceTypeCode.nullable(),
  years: z.array(z.number().int()).describe('有缴费记录的年度，新的在前'),
  insuranceTypes: z.array(z.object({ code: InsuranceTypeCode, label: z.string() })).describe('有缴费记录的险种'),
  totals: ContributionStats.describe('所选年度、险种的合计（全部页）'),
  monthsPaid: z.number().int().describe('累计缴费月数：养老保险实缴/补缴到账的月份数'),
});
export type ContributionsResponse = z.infer<typeof ContributionsResponse>;

export const ContributionSummaryQuery = z.object({
  insuranceType: optionalQuery(InsuranceTypeCode).describe('险种；默认本人参加的养老保险（企业、机关事业、城乡居民，依次），都没有时为本人的第一个险种'),
});
export type ContributionSummaryQuery = z.input<typeof ContributionSummaryQuery>;

export const ContributionSummaryYear = ContributionStats.extend({ year: z.number().int() });
export type ContributionSummaryYear = z.infer<typeof ContributionSummaryYear>;

export const ContributionSummaryResponse = z.object({
  insuranceType: InsuranceTypeCode,
  insuranceLabel: z.string(),
  years: z.array(ContributionSummaryYear).describe('每年一项，年度从早到晚（图表用）'),
  monthsPaid: z.number().int().describe('累计缴费月数：养老保险实缴/补缴到账的月份数'),
});
export type ContributionSummaryResponse = z.infer<typeof ContributionSummaryResponse>;

// ── 个人账户 ─────────────────────────────────────────────────────────────────────────────────

export const AccountYearRow = z.object({
  year: z.number().int(),
  openingFen: Fen,
  openingYuan: Yuan.describe('上年末累计储存额'),
  creditedFen: Fen,
  creditedYuan: Yuan.describe('当年记账额（个人缴费）'),
  creditedMonths: z.number().int().describe('当年记账月数'),
  ratePpm: z.number().int().describe('记账利率（百万分之一）'),
  rateText: z.string().describe('记账利率，如 3.97%'),
  interestFen: Fen,
  interestYuan: Yuan.describe('当年记账利息'),
  closingFen: Fen,
  closingYuan: Yuan.describe('年末累计储存额'),
});
export type AccountYearRow = z.infer<typeof AccountYearRow>;

export const AccountResponse = z.object({
  items: z.array(AccountYearRow).describe('每年一项，年度从早到晚'),
  balanceFen: Fen,
  balanceYuan: Yuan.describe('最近一年年末累计储存额'),
  balanceYear: z.number().int().nullable(),
  totalCreditedFen: Fen,
  totalCreditedYuan: Yuan,
  totalInterestFen: Fen,
  totalInterestYuan: Yuan,
});
export type AccountResponse = z.infer<typeof AccountResponse>;

// ── 待遇发放 ─────────────────────────────────────────────────────────────────────────────────

export const PaymentsQuery = PageQuery.extend({
  kind: optionalQuery(PaymentKindSchema).describe('待遇类别；不传为全部'),
  year: optionalQuery(YearQuerySchema).describe('发放年度；不传为全部'),
});
export type PaymentsQuery = z.input<typeof PaymentsQuery>;

export const PaymentRow = z.object({
  id: z.number().int(),
  period: Period,
  periodText: PeriodText,
  kind: PaymentKindSchema,
  kindLabel: z.string(),
  item: z.string().describe('待遇项目'),
  amountFen: Fen,
  amountYuan: Yuan,
  bankName: z.string().nullable(),
  bankAccount: z.string().nullable().describe('银行账号（脱敏 ****1234）'),
  status: z.string(),
  statusLabel: z.string().describe('已发放 / 待发放 / 暂停发放'),
  paidOn: IsoDateSchema.nullable(),
});
export type PaymentRow = z.infer<typeof PaymentRow>;

export const PaymentsResponse = Paged(PaymentRow).extend({
  kind: PaymentKindSchema.nullable(),
  year: z.number().int().nullable(),
  kinds: z.array(z.object({ kind: PaymentKindSchema, label: z.string(), count: z.number().int() })).describe('本人有记录的待遇类别'),
  years: z.array(z.number().int()).describe('所选类别有发放记录的年度，新的在前'),
  totals: z.object({ records: z.number().int(), paidFen: Fen, paidYuan: Yuan.describe('已发放合计') }),
});
export type PaymentsResponse = z.infer<typeof PaymentsResponse>;

const IdParams = z.object({ id: z.coerce.number('编号无效').int('编号无效').positive('编号无效').max(2_147_483_647, '编号无效') });

// ── 待遇资格认证 ─────────────────────────────────────────────────────────────────────────────

export const CertificationRow = z.object({
  id: z.number().int(),
  certifiedAt: InstantSchema,
  certifiedAtText: InstantText,
  method: z.string().describe('认证方式'),
  channel: z.string().describe('认证渠道'),
  validUntil: IsoDateSchema.describe('认证有效期至'),
  valid: z.boolean().describe('今天（北京时间）仍在有效期内'),
});
export type CertificationRow = z.infer<typeof CertificationRow>;

export const CertificationsResponse = Paged(CertificationRow).extend({
  currentlyValid: z.boolean().describe('当前是否有有效的认证'),
  validUntil: IsoDateSchema.nullable().describe('最近一次认证的有效期至'),
});
export type CertificationsResponse = z.infer<typeof CertificationsResponse>;

// ── 工伤 ─────────────────────────────────────────────────────────────────────────────────────

export const AppraisalRow = z.object({
  id: z.number().int(),
  appraisalNo: z.string().describe('鉴定编号'),
  kind: z.string(),
  kindLabel: z.string().describe('因工 / 非因工'),
  disabilityLevel: z.number().int().nullable(),
  disabilityLevelLabel: z.string().nullable().describe('伤残等级，如 七级'),
  careLevel: z.string().nullable().describe('生活自理障碍等级'),
  conclusion: z.string(),
  appraisedOn: IsoDateSchema,
  determinationId: z.number().int().nullable(),
});
export type AppraisalRow = z.infer<typeof AppraisalRow>;

export const DeterminationRow = z.object({
  id: z.number().int(),
  decisionNo: z.string().describe('认定书编号'),
  unit: UnitBrief.nullable(),
  accidentDate: IsoDateSchema,
  accidentPlace: z.string().nullable(),
  injuryPart: z.string().nullable(),
  diagnosis: z.string().nullable(),
  conclusion: z.string().describe('认定结论'),
  determinedOn: IsoDateSchema,
  appraisals: z.array(AppraisalRow),
});
export type DeterminationRow = z.infer<typeof DeterminationRow>;

export const WorkInjuryBenefitYear = z.object({
  year: z.number().int(),
  months: z.number().int().describe('发放月数'),
  totalFen: Fen,
  totalYuan: Yuan,
  items: z.array(z.object({ item: z.string(), months: z.number().int(), amountFen: Fen, amountYuan: Yuan })),
});
export type WorkInjuryBenefitYear = z.infer<typeof WorkInjuryBenefitYear>;

export const WorkInjuryResponse = z.object({
  determinations: z.array(DeterminationRow).describe('工伤认定，新的在前，含其劳动能力鉴定'),
  otherAppraisals: z.array(AppraisalRow).describe('与工伤认定无关的鉴定（如非因工）'),
  benefitsByYear: z.array(WorkInjuryBenefitYear).describe('长期工伤待遇，按年度，新的在前'),
});
export type WorkInjuryResponse = z.infer<typeof WorkInjuryResponse>;

export const DeterminationDetail = DeterminationRow.extend({
  benefitsByYear: z.array(WorkInjuryBenefitYear).describe('认定之后发放的长期工伤待遇，按年度'),
});
export type DeterminationDetail = z.infer<typeof DeterminationDetail>;

// ── 我的办件 ─────────────────────────────────────────────────────────────────────────────────

export const CasesQuery = PageQuery.extend({ status: optionalQuery(CaseStatusSchema).describe('办件状态；不传为全部') });
export type CasesQuery = z.input<typeof CasesQuery>;

export const CaseRow = z.object({
  serialNo: z.string().describe('业务流水号'),
  matterCode: z.string(),
  matterName: z.string().describe('事项名称'),
  status: CaseStatusSchema,
  statusLabel: z.string(),
  createdAt: InstantSchema,
  createdAtText: InstantText,
  submittedAt: InstantSchema.nullable(),
  submittedAtText: InstantText.nullable().describe('提交时间'),
  decidedAt: InstantSchema.nullable(),
  decidedAtText: InstantText.nullable(),
});
export type CaseRow = z.infer<typeof CaseRow>;

export const CasesResponse = Paged(CaseRow);
export type CasesResponse = z.infer<typeof CasesResponse>;

export const CaseTimelineEvent = z.object({
  type: z.string(),
  typeLabel: z.string().describe('创建 / 提交 / 审核通过 / 退回 / 办结…'),
  actor: z.string().describe('办理方：本人 / 单位经办人 / 社保中心'),
  note: z.string().nullable(),
  at: InstantSchema,
  atText: InstantText,
});
export type CaseTimelineEvent = z.infer<typeof CaseTimelineEvent>;

export const CaseDetail = CaseRow.extend({
  modeLabel: z.string(),
  remark: z.string().nullable(),
  returnReason: z.string().nullable().describe('退回原因'),
  timeline: z.array(CaseTimelineEvent).describe('时间线，早的在前'),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

const SerialParams = z.object({ serialNo: z.string().regex(/^\d{15}$/, '业务流水号应为15位数字') });

// ── routes ──────────────────────────────────────────────────────────────────────────────────

export const personRoutes = defineRoutes([
  {
    method: 'GET', path: '/api/me/profile', summary: '本人基本信息（默认脱敏，reveal=1 显示明文并记录日志）', tag: 'person', auth: 'person',
    request: { query: RevealQuery }, response: PersonProfile,
  },
  { method: 'GET', path: '/api/me/enrolments', summary: '参保信息（按险种）', tag: 'person', auth: 'person', response: EnrolmentsResponse },
  {
    method: 'GET', path: '/api/me/contributions', summary: '缴费信息（按年度、险种，分页，含合计）', tag: 'person', auth: 'person',
    request: { query: ContributionsQuery }, response: ContributionsResponse,
  },
  {
    method: 'GET', path: '/api/me/contributions/summary', summary: '缴费年度汇总（平均基数、到账月数，图表用）', tag: 'person', auth: 'person',
    request: { query: ContributionSummaryQuery }, response: ContributionSummaryResponse,
  },
  { method: 'GET', path: '/api/me/account', summary: '养老保险个人账户（按年度）', tag: 'person', auth: 'person', response: AccountResponse },
  {
    method: 'GET', path: '/api/me/payments', summary: '待遇发放记录（养老、代发、机关养老、职业年金、工伤）', tag: 'person', auth: 'person',
    request: { query: PaymentsQuery }, response: PaymentsResponse,
  },
  {
    method: 'GET', path: '/api/me/payments/:id', summary: '一条待遇发放记录', tag: 'person', auth: 'person',
    request: { params: IdParams }, response: PaymentRow,
  },
  {
    method: 'GET', path: '/api/me/certifications', summary: '待遇资格认证记录', tag: 'person', auth: 'person',
    request: { query: PageQuery }, response: CertificationsResponse,
  },
  { method: 'GET', path: '/api/me/work-injury', summary: '工伤认定、劳动能力鉴定与工伤待遇', tag: 'person', auth: 'person', response: WorkInjuryResponse },
  {
    method: 'GET', path: '/api/me/work-injury/determinations/:id', summary: '一次工伤认定的详情', tag: 'person', auth: 'person',
    request: { params: IdParams }, response: DeterminationDetail,
  },
  {
    method: 'GET', path: '/api/me/cases', summary: '我的办件', tag: 'person', auth: 'person',
    request: { query: CasesQuery }, response: CasesResponse,
  },
  {
    method: 'GET', path: '/api/me/cases/:serialNo', summary: '办件详情与时间线', tag: 'person', auth: 'person',
    request: { params: SerialParams }, response: CaseDetail,
  },
]);
