/**
 * Contributions (缴费申报, issue 7): policy parameters, 单位缴费申报 (§3.3.22) and 撤销申报 (§3.3.23), 社会保险费应缴认定单
 * (§3.3.26/27, layout seed 004 §4.9.2) with its PDF, revoke / re-issue, 业务单据查询 (§3.3.70) and the reviewer's
 * 到账 (payment arrival).
 *
 * Conventions the clients rely on:
 * - Money: `xxxFen` integer fen (exact) and `xxxYuan` screen text ("2,844.80"). Rates: `xxxPpm` parts per million
 *   (160000 = 16 %) and `xxxText` ("16%").
 * - Periods `YYYYMM` with `periodText` "2024年03月"; dates 'YYYY-MM-DD' (Asia/Shanghai business dates).
 * - A declaration is addressed by its id, a bill by its 16-digit 征集通知单据号 (`billNo`). Another unit's id or
 *   bill number answers 404 like a missing one.
 * - Submissions (`POST …/declarations`, `POST /api/unit/bills`, re-issue, revoke, 到账) accept `Idempotency-Key`.
 * - 稽核认定缴费基数 (R40): the center records the base its audit determined for a worker of a unit over a range of
 *   months (`/api/review/audit-bases`); a 缴费工资变更 touching those months must arrive at exactly that base.
 * - Gates answer 409 with a Chinese message: DECLARATION_NOT_CURRENT_MONTH (当月只能申报当月),
 *   DECLARATION_ARREARS (最大做账期号不等于上一月或者当前月), WAGES_NOT_DECLARED (7月1日起须先完成缴费工资申报),
 *   DECLARATION_EXISTS, DECLARATION_EMPTY, BACK_DECLARATION_OUT_OF_RANGE, BACK_DECLARATION_NOT_NEXT, DECLARATION_NOT_REVOCABLE, BILL_NOT_ISSUABLE, BILL_NOT_REVOCABLE,
 *   BILL_NOT_PAYABLE, POLICY_NOT_PUBLISHED.
 */
import { z } from 'zod';
import { InsuranceTypes } from '../codes/insurance';
import { BillStatuses, DeclarationStatuses } from '../codes/status';
import { isPeriod } from '../period';
import { normalizeIdNumber, validateIdCard } from '../validate/id-card';
import { codeSchema, InstantSchema, IsoDateSchema, PageQuery, Paged, UnitInsuranceTypeSchema } from './common';
import { defineRoutes } from './route';

// ── pieces ──────────────────────────────────────────────────────────────────────────────────

const Fen = z.number().int().describe('金额（分，整数）');
const Yuan = z.string().describe('金额（元，两位小数，千分位，如 2,844.80）');
const Ppm = z.number().int().describe('费率（百万分之一：160000 = 16%）');
const RateText = z.string().describe('费率文字，如 16%、0.7%');
const Period = z.number().int().describe('期号 YYYYMM');
const PeriodText = z.string().describe('期号文字，如 2024年03月');
const InstantText = z.string().describe('北京时间 YYYY-MM-DD HH:mm:ss');

const InsuranceTypeCode = codeSchema(InsuranceTypes, '险种');
export const BillStatusSchema = codeSchema(BillStatuses, '单据状态').describe('VALID 有效待缴 / PAID 已到账 / EXPIRED 已过期作废 / REVOKED 已撤销');
export const DeclarationStatusSchema = codeSchema(DeclarationStatuses, '申报状态').describe('DECLARED 已申报 / BILLED 已开具认定单 / REVOKED 已撤销申报');

/** Query-string values: an empty `?year=` means "not given". */
function optionalQuery<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());
}

const YearQuery = z.coerce.number('年度须为数字').int('年度须为整数').min(1990, '年度须为四位数年份').max(2999, '年度须为四位数年份');

// ── policy parameters ───────────────────────────────────────────────────────────────────────

export const PolicyQuery = z.object({
  region: optionalQuery(z.string().regex(/^\d{6}$/, '参保所属地须为6位行政区划代码')).describe('行政区划代码；单位默认本单位参保所属地'),
  year: optionalQuery(YearQuery).describe('社保年度起始年（2025 = 2025年7月—2026年6月）；默认当前社保年度'),
});

export const RateRow = z.object({
  insuranceType: InsuranceTypeCode,
  label: z.string(),
  unitPpm: Ppm,
  unitText: RateText,
  personalPpm: Ppm,
  personalText: RateText,
});
export type RateRow = z.infer<typeof RateRow>;

export const PolicyResponse = z.object({
  regionCode: z.string().describe('所查询的参保所属地'),
  regionName: z.string().nullable(),
  policyRegionCode: z.string().describe('参数所属地（区县未单独公布时取所在市或省）'),
  year: z.number().int().describe('所查询的社保年度'),
  appliedYear: z.number().int().describe('参数所属社保年度（当年未公布时沿用最近一年）'),
  provisional: z.boolean().describe('true：当年参数未公布，沿用以前年度'),
  yearLabel: z.string().describe('如 2022社保年度（2022年7月-2023年6月）'),
  fromPeriod: Period,
  toPeriod: Period,
  standardFen: Fen.describe('缴费基数标准'),
  standardYuan: Yuan,
  floorFen: Fen.describe('缴费基数下限'),
  floorYuan: Yuan,
  ceilingFen: Fen.describe('缴费基数上限'),
  ceilingYuan: Yuan,
  lateFeeDailyPpm: Ppm.describe('滞纳金日费率'),
  lateFeeDailyText: RateText,
  rates: z.array(RateRow).describe('各险种费率（工伤保险为一类行业基准费率；单位按行业风险类别取 workInjuryClasses）'),
  workInjuryClasses: z.array(z.object({ riskClass: z.number().int(), label: z.string(), ratePpm: Ppm, rateText: RateText })),
  accountInterestRates: z.array(z.object({ year: z.number().int(), ratePpm: Ppm, rateText: RateText })).describe('个人账户记账利率（自然年度）'),
  unit: z
    .object({ unitNo: z.string(), riskClass: z.number().int(), workInjuryPpm: Ppm, workInjuryText: RateText })
    .nullable()
    .describe('单位登录时：本单位行业风险类别及工伤保险费率'),
});
export type PolicyResponse = z.infer<typeof PolicyResponse>;

// ── monthly declaration (单位缴费申报) ──────────────────────────────────────────────────────────

export const TypeTotals = z.object({
  insuranceType: InsuranceTypeCode,
  label: z.string(),
  headcount: z.number().int().describe('缴费人数'),
  wageTotalFen: Fen.describe('职工工资总额'),
  wageTotalYuan: Yuan,
  baseTotalFen: Fen.describe('缴费基数总额'),
  baseTotalYuan: Yuan,
  unitRatePpm: Ppm,
  personalRatePpm: Ppm,
  unitFen: Fen.describe('单位缴费金额'),
  unitYuan: Yuan,
  personalFen: Fen.describe('个人缴费金额'),
  personalYuan: Yuan,
  totalFen: Fen.describe('缴费总额'),
  totalYuan: Yuan,
});
export type TypeTotals = z.infer<typeof TypeTotals>;

export const PeriodHeadcount = z.object({
  period: Period,
  periodText: PeriodText,
  headcount: z.number().int(),
  baseTotalFen: Fen,
  baseTotalYuan: Yuan,
});

export const DeclarationComparison = z.object({
  previous: PeriodHeadcount.nullable().describe('上期（上月已申报的数据；未申报为 null）'),
  current: PeriodHeadcount.describe('本期'),
  headcountChange: z.number().int().describe('人数增减'),
  baseTotalChangeFen: Fen.describe('基数总额增减'),
});

export const DeclarationBlocker = z.object({ code: z.string(), message: z.string() });

export const DeclarationPreviewResponse = z.object({
  unitNo: z.string(),
  unitName: z.string(),
  period: Period,
  periodText: PeriodText,
  socialYear: z.number().int(),
  policyYear: z.number().int().describe('所用参数的社保年度'),
  canDeclare: z.boolean(),
  blockers: z.array(DeclarationBlocker).describe('不能申报的原因（与提交时的 409 相同）'),
  headcount: z.number().int(),
  wageTotalFen: Fen,
  baseTotalFen: Fen,
  baseTotalYuan: Yuan,
  unitFen: Fen,
  personalFen: Fen,
  totalFen: Fen,
  totalYuan: Yuan,
  byType: z.array(TypeTotals),
  comparison: DeclarationComparison,
  floorApplied: z.number().int().describe('按下限（保底）核定的人数'),
  ceilingApplied: z.number().int().describe('按上限（封顶）核定的人数'),
  undeclaredWage: z.number().int().describe('未申报工资、按下限核定的人数'),
  unitSettled: z.array(z.object({ insuranceType: InsuranceTypeCode, label: z.string(), lastSettledPeriod: z.number().int().nullable() })).describe('单位最大核止期号'),
});
export type DeclarationPreviewResponse = z.infer<typeof DeclarationPreviewResponse>;

export const DeclareBody = z
  .object({ period: z.int('期号须为YYYYMM格式的整数').optional().describe('费款所属期（只能是当月；缺省为当月）') })
  .default({});

export const BackDeclareBody = z.object({
  period: z.int('期号须为YYYYMM格式的整数').describe('补缴的费款所属期（当前月份以前3个月内，单位最早的未缴费月份）'),
});

export const DeclarationIdParams = z.object({ id: z.coerce.number('申报编号无效').int('申报编号无效').positive('申报编号无效') });

export const DeclarationDetail = z.object({
  id: z.number().int(),
  unitNo: z.string(),
  unitName: z.string(),
  period: Period,
  periodText: PeriodText,
  status: DeclarationStatusSchema,
  statusLabel: z.string(),
  declaredAt: InstantSchema,
  declaredAtText: InstantText,
  revokedAt: InstantSchema.nullable(),
  headcount: z.number().int(),
  wageTotalFen: Fen,
  baseTotalFen: Fen,
  baseTotalYuan: Yuan,
  unitFen: Fen,
  unitYuan: Yuan,
  personalFen: Fen,
  personalYuan: Yuan,
  totalFen: Fen,
  totalYuan: Yuan,
  byType: z.array(TypeTotals),
  comparison: DeclarationComparison,
  bill: z.object({ billNo: z.string(), status: BillStatusSchema, statusLabel: z.string() }).nullable().describe('有效或已到账的应缴认定单'),
  revocable: z.boolean().describe('可撤销申报（未开具应缴认定单）'),
});
export type DeclarationDetail = z.infer<typeof DeclarationDetail>;

export const DeclarationListQuery = PageQuery.extend({
  year: optionalQuery(YearQuery).describe('自然年度；默认本年度'),
});
export const DeclarationListResponse = Paged(DeclarationDetail.omit({ byType: true, comparison: true }));

export const DeclarationLinesQuery = PageQuery.extend({
  insuranceType: optionalQuery(InsuranceTypeCode),
});
export const DeclarationLineRow = z.object({
  personNo: z.string(),
  name: z.string(),
  idNumber: z.string().describe('证件号码（脱敏）'),
  insuranceType: InsuranceTypeCode,
  label: z.string(),
  wageFen: Fen.nullable().describe('申报工资'),
  baseFen: Fen,
  baseYuan: Yuan,
  unitFen: Fen,
  personalFen: Fen,
});
export const DeclarationLinesResponse = Paged(DeclarationLineRow);

// ── bills (应缴认定单) ───────────────────────────────────────────────────────────────────────

export const BillNoSchema = z.string().regex(/^\d{16}$/, '征集通知单据号应为16位数字');
export const BillParams = z.object({ billNo: BillNoSchema });

export const IssueBillBody = z
  .object({
    declarationId: z.int('申报编号无效').positive('申报编号无效').optional().describe('要开具认定单的单位缴费申报'),
    pending: z.literal(true).optional().describe('true：开具本单位待征集的补缴数据（职工补缴、劳动合同补缴）'),
  })
  .refine((b) => (b.declarationId === undefined) !== (b.pending === undefined), { message: '请选择要开具认定单的缴费申报或待征集的补缴数据', path: ['declarationId'] });

export const BillLineSchema = z.object({
  insuranceType: InsuranceTypeCode,
  label: z.string().describe('险种'),
  unitFen: Fen.describe('单位缴纳金额'),
  unitYuan: Yuan,
  personalFen: Fen.describe('个人缴纳金额'),
  personalYuan: Yuan,
  interestFen: Fen.describe('利息'),
  interestYuan: Yuan,
  lateFeeFen: Fen.describe('滞纳金'),
  lateFeeYuan: Yuan,
  totalFen: Fen.describe('应缴合计 = 应缴金额'),
  totalYuan: Yuan,
});

export const BillProgressStep = z.object({
  step: z.string().describe('缴费认定 / 税务开票 / 税务登账 / 社保登账 / 实收分配'),
  at: InstantSchema.nullable(),
  atText: InstantText.nullable(),
  done: z.boolean(),
});

export const BillSummary = z.object({
  billNo: z.string().describe('征集通知单据号'),
  period: Period.describe('费款所属期'),
  periodText: PeriodText,
  kindLabel: z.string().describe('核定数据类型，如 单位整体核定'),
  status: BillStatusSchema,
  statusLabel: z.string(),
  unitFen: Fen,
  personalFen: Fen,
  interestFen: Fen,
  lateFeeFen: Fen,
  totalFen: Fen,
  totalYuan: Yuan,
  issuedAt: InstantSchema,
  issuedAtText: InstantText,
  issuedOn: IsoDateSchema.describe('经办日期'),
  deadline: IsoDateSchema.describe('缴费截止日期'),
  paidAt: InstantSchema.nullable(),
  revokedAt: InstantSchema.nullable(),
  declarationId: z.number().int().nullable(),
  supersedes: z.string().nullable().describe('本单据重新生成自哪张单据'),
  progress: z.array(BillProgressStep).describe('到账进度'),
});
export type BillSummary = z.infer<typeof BillSummary>;

export const BillDetail = BillSummary.extend({
  unitNo: z.string(),
  unitName: z.string(),
  agency: z.string().describe('经办机构'),
  lines: z.array(BillLineSchema),
  totalCapital: z.string().describe('实际应缴金额合计大写'),
  collection: z
    .array(z.object({ kindLabel: z.string(), unitFen: Fen, unitYuan: Yuan, personalFen: Fen, personalYuan: Yuan, lateFeeFen: Fen, lateFeeYuan: Yuan, interestFen: Fen, interestYuan: Yuan, totalFen: Fen, totalYuan: Yuan }))
    .describe('征集明细'),
  notes: z.array(z.string()).describe('单据说明 1–3'),
  lateDays: z.number().int().describe('计收利息、滞纳金的天数（自费款所属期次月1日起至经办日期）'),
  revocable: z.boolean().describe('可撤销 / 重新生成（有效且开具后未办理其他业务）'),
});
export type BillDetail = z.infer<typeof BillDetail>;

export const BillListQuery = PageQuery.extend({
  status: optionalQuery(BillStatusSchema),
  period: optionalQuery(z.coerce.number('期号须为YYYYMM').int('期号须为YYYYMM')),
});
export const BillListResponse = Paged(BillSummary);

export const ReviewBillListQuery = BillListQuery.extend({
  unitNo: optionalQuery(z.string().max(20)),
});
export const ReviewBillListResponse = Paged(BillSummary.extend({ unitNo: z.string(), unitName: z.string() }));

export const ArrivalResponse = BillDetail.extend({
  records: z.number().int().describe('写入的实缴到账缴费记录条数'),
  creditedPersons: z.number().int().describe('记入个人账户的人数'),
});

export const RefundListResponse = Paged(
  z.object({
    personNo: z.string(),
    name: z.string(),
    idNumber: z.string().describe('证件号码（脱敏）'),
    insuranceType: InsuranceTypeCode,
    label: z.string(),
    period: Period,
    periodText: PeriodText,
    baseFen: Fen,
    unitFen: Fen,
    personalFen: Fen,
    totalFen: Fen,
    totalYuan: Yuan,
    paidAt: InstantSchema.nullable(),
  }),
).extend({ account: z.object({ bankName: z.string(), accountName: z.string(), accountNumber: z.string() }).nullable().describe('退收银行账户（脱敏）') });

// ── 稽核认定缴费基数 (R40) ──────────────────────────────────────────────────────────────────────────

/** Every message starts with the field's Chinese name (the BFF registers unitNo / baseFen / documentNo labels). */
const AuditPeriod = (what: string) =>
  z.int(`${what}须为YYYYMM格式的整数`).refine(isPeriod, `${what}须为有效的年月（YYYYMM）`).describe(`${what} YYYYMM`);

export const AuditBaseBody = z
  .object({
    unitNo: z.string('单位编号不能为空').trim().min(1, '单位编号不能为空').max(20, '单位编号不能超过20位').describe('单位编号（本中心所辖单位）'),
    idNumber: z
      .string('证件号码不能为空')
      .superRefine((v, ctx) => {
        const r = validateIdCard(v);
        if (!r.ok) ctx.addIssue({ code: 'custom', message: `证件号码有误：${r.reason}` });
      })
      .transform(normalizeIdNumber)
      .describe('职工的公民身份号码（须在该单位参保）'),
    insuranceType: UnitInsuranceTypeSchema.nullable().optional().describe('险种；不填（null）为全部险种'),
    startPeriod: AuditPeriod('开始年月'),
    endPeriod: AuditPeriod('结束年月'),
    baseFen: z
      .int('认定缴费基数须为以分为单位的整数')
      .min(1, '认定缴费基数须大于0')
      .max(100_000_000, '认定缴费基数超出合理范围')
      .describe('稽核认定的缴费基数（分）；须在各年度缴费基数上下限之间，保留到10元（或等于上下限）'),
    documentNo: z.string('稽核文书号不能为空').trim().min(1, '稽核文书号不能为空').max(64, '稽核文书号不能超过64个字符').describe('稽核文书号，如 宜人社稽字〔2025〕18号'),
    remark: z.string('备注须为文字').trim().max(256, '备注不能超过256个字符').optional(),
  })
  .refine((b) => b.startPeriod <= b.endPeriod, { message: '结束年月不能早于开始年月', path: ['endPeriod'] });

export const AuditBaseRow = z.object({
  id: z.number().int(),
  unitNo: z.string(),
  unitName: z.string(),
  personNo: z.string(),
  name: z.string(),
  idNumber: z.string().describe('证件号码（脱敏）'),
  insuranceType: UnitInsuranceTypeSchema.nullable().describe('null：全部险种'),
  insuranceLabel: z.string().describe('险种名称，或 全部险种'),
  startPeriod: Period,
  endPeriod: Period,
  periodText: z.string().describe('如 2025年01月至2025年03月'),
  baseFen: Fen.describe('稽核认定的缴费基数'),
  baseYuan: Yuan,
  documentNo: z.string().describe('稽核文书号'),
  remark: z.string().nullable(),
  recordedBy: z.string().describe('录入的经办人'),
  recordedAt: InstantSchema,
  recordedAtText: InstantText,
});
export type AuditBaseRow = z.infer<typeof AuditBaseRow>;

export const AuditBaseListQuery = PageQuery.extend({
  unitNo: optionalQuery(z.string().trim().max(20, '单位编号不能超过20位')).describe('单位编号'),
  idNumber: optionalQuery(z.string().trim().max(18, '证件号码不能超过18位')).describe('证件号码（完整）'),
});
export const AuditBaseListResponse = Paged(AuditBaseRow);

// ── routes ──────────────────────────────────────────────────────────────────────────────────

export const contributionRoutes = defineRoutes([
  {
    method: 'GET', path: '/api/policy', summary: '缴费政策参数（缴费基数标准/上下限、费率、工伤行业费率、滞纳金、记账利率）', tag: 'contributions', auth: 'any',
    request: { query: PolicyQuery }, response: PolicyResponse,
  },
  {
    method: 'GET', path: '/api/unit/contributions/declarations/preview', summary: '单位缴费申报：当月核定预览（上期/本期对比，各险种应缴）', tag: 'contributions', auth: 'unit',
    response: DeclarationPreviewResponse,
  },
  {
    method: 'GET', path: '/api/unit/contributions/declarations', summary: '本年度已申报的缴费信息', tag: 'contributions', auth: 'unit',
    request: { query: DeclarationListQuery }, response: DeclarationListResponse,
  },
  {
    method: 'POST', path: '/api/unit/contributions/declarations', summary: '单位缴费申报（只能申报当月）', tag: 'contributions', auth: 'unit',
    request: { body: DeclareBody }, response: DeclarationDetail, status: 201, idempotent: true,
  },
  {
    method: 'POST', path: '/api/unit/contributions/back-declarations', summary: '单位社会保险补缴申报（整体补缴：当前月份以前3个月内最早的未缴费月份）', tag: 'contributions', auth: 'unit',
    request: { body: BackDeclareBody }, response: DeclarationDetail, status: 201, idempotent: true,
  },
  {
    method: 'GET', path: '/api/unit/contributions/declarations/:id', summary: '单位缴费申报详情', tag: 'contributions', auth: 'unit',
    request: { params: DeclarationIdParams }, response: DeclarationDetail,
  },
  {
    method: 'GET', path: '/api/unit/contributions/declarations/:id/lines', summary: '单位缴费申报人员明细', tag: 'contributions', auth: 'unit',
    request: { params: DeclarationIdParams, query: DeclarationLinesQuery }, response: DeclarationLinesResponse,
  },
  {
    method: 'POST', path: '/api/unit/contributions/declarations/:id/revoke', summary: '单位社会保险费撤销申报（未开具应缴认定单）', tag: 'contributions', auth: 'unit',
    request: { params: DeclarationIdParams }, response: DeclarationDetail, idempotent: true,
  },
  {
    method: 'GET', path: '/api/unit/bills', summary: '业务单据查询（应缴认定单及到账进度）', tag: 'contributions', auth: 'unit',
    request: { query: BillListQuery }, response: BillListResponse,
  },
  {
    method: 'POST', path: '/api/unit/bills', summary: '开具社会保险费应缴认定单', tag: 'contributions', auth: 'unit',
    request: { body: IssueBillBody }, response: BillDetail, status: 201, idempotent: true,
  },
  {
    method: 'GET', path: '/api/unit/bills/:billNo', summary: '应缴认定单详情', tag: 'contributions', auth: 'unit',
    request: { params: BillParams }, response: BillDetail,
  },
  {
    method: 'GET', path: '/api/unit/bills/:billNo/pdf', summary: '打印应缴认定单（PDF）', tag: 'contributions', auth: 'unit',
    request: { params: BillParams }, response: z.any(), contentType: 'application/pdf',
  },
  {
    method: 'POST', path: '/api/unit/bills/:billNo/revoke', summary: '撤销应缴认定单（开具后未办理其他业务）', tag: 'contributions', auth: 'unit',
    request: { params: BillParams }, response: BillDetail, idempotent: true,
  },
  {
    method: 'POST', path: '/api/unit/bills/:billNo/reissue', summary: '撤销并重新生成应缴认定单', tag: 'contributions', auth: 'unit',
    request: { params: BillParams }, response: BillDetail, status: 201, idempotent: true,
  },
  {
    method: 'GET', path: '/api/unit/contributions/wage-declaration/template', summary: '年度职工养老保险缴费工资申报表（预填本单位参保职工）', tag: 'contributions', auth: 'unit',
    response: z.any(), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  {
    method: 'GET', path: '/api/unit/refunds', summary: '单位退费查询（已退费的缴费记录及退款账户）', tag: 'contributions', auth: 'unit',
    request: { query: PageQuery }, response: RefundListResponse,
  },
  {
    method: 'GET', path: '/api/review/bills', summary: '应缴认定单（中心）', tag: 'review', auth: 'reviewer',
    request: { query: ReviewBillListQuery }, response: ReviewBillListResponse,
  },
  {
    method: 'POST', path: '/api/review/bills/:billNo/arrive', summary: '到账：认定单已缴费，写入实缴到账缴费记录并记入个人账户', tag: 'review', auth: 'reviewer',
    request: { params: BillParams }, response: ArrivalResponse, idempotent: true,
  },
  {
    method: 'GET', path: '/api/review/audit-bases', summary: '稽核认定缴费基数（中心所辖单位，按录入时间倒序）', tag: 'review', auth: 'reviewer',
    request: { query: AuditBaseListQuery }, response: AuditBaseListResponse,
  },
  {
    method: 'POST', path: '/api/review/audit-bases', summary: '录入稽核认定缴费基数（缴费工资变更涉及这些月份时须与之一致）', tag: 'review', auth: 'reviewer',
    request: { body: AuditBaseBody }, response: AuditBaseRow, status: 201, idempotent: true,
  },
]);
