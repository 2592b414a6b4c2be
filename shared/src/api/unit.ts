/**
 * Unit queries (查询统计服务, seed 002 §3.3.68–73; no wizard): 单位综合信息 (basic info, insurance per type with
 * 最大核止期号, clerks, bank accounts, change history, staff increases/decreases), 单位参保人员 (roster with filters,
 * paging, Excel export) and 待核实人员. All for the signed-in clerk's unit. Personal data is masked in lists
 * (张*, 420***********1234) unless `reveal=1` (the unit's own staff; the reveal is logged).
 * (The clerk list itself is GET /api/unit/clerks in auth.ts.)
 */
import { z } from 'zod';
import { EnrolmentStatuses } from '../codes/status';
import { UNIT_INSURANCE_TYPES } from '../codes/insurance';
import { codeSchema, InstantSchema, IsoDateSchema, PageQuery, Paged } from './common';
import { CaseStatusCode, ChangeRowSchema } from './cases';
import { defineRoutes } from './route';

const Reveal = z.enum(['0', '1']).optional().describe('1 = 显示明文（记录日志）');

export const UnitInfoResponse = z.object({
  basic: z.object({
    unitNo: z.string().describe('单位编号'),
    name: z.string(),
    creditCode: z.string().describe('统一社会信用代码'),
    regionCode: z.string().describe('参保所属区'),
    regionName: z.string().nullable(),
    unitType: z.string().nullable(),
    economicType: z.string().nullable(),
    industry: z.string().nullable(),
    riskClass: z.number().int().describe('行业风险类别'),
    sizeClass: z.string().nullable(),
    businessScope: z.string().nullable(),
    legalRepName: z.string(),
    legalRepIdNumber: z.string().describe('法定代表人证件号码（脱敏）'),
    legalRepPhone: z.string().nullable(),
    address: z.string().nullable(),
    postalCode: z.string().nullable(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    contactEmail: z.string().nullable(),
    establishedOn: z.string().nullable(),
  }),
  insurances: z.array(
    z.object({
      insuranceType: z.string(),
      label: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      enrolledOn: z.string().describe('单位参保日期'),
      accountStartOn: z.string().nullable().describe('单位统账结合日期'),
      lastSettledPeriod: z.number().int().nullable().describe('最大核止期号 YYYYMM'),
      collectionMode: z.string().describe('缴费方式'),
      activeStaff: z.number().int().describe('参保缴费人数'),
    }),
  ),
  clerks: z.array(
    z.object({ id: z.number().int(), name: z.string(), idNumber: z.string(), phone: z.string(), department: z.string().nullable(), email: z.string().nullable(), authorizedAt: InstantSchema }),
  ),
  bankAccounts: z.array(
    z.object({
      id: z.number().int(),
      purpose: z.string(),
      purposeLabel: z.string(),
      bankCategory: z.string(),
      bankCategoryLabel: z.string(),
      bankName: z.string(),
      accountName: z.string(),
      accountNumber: z.string().describe('银行账号（脱敏）'),
      insuranceTypes: z.array(z.string()),
    }),
  ),
});

export const DateRangeQuery = z.object({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional() });

export const ChangeHistoryResponse = Paged(
  z.object({
    serialNo: z.string(),
    matterCode: z.string(),
    matterName: z.string(),
    status: CaseStatusCode,
    statusLabel: z.string(),
    submittedAt: InstantSchema.nullable(),
    decidedAt: InstantSchema.nullable(),
    changes: z.array(ChangeRowSchema),
  }),
);

export const StaffChangesResponse = z.object({
  from: z.string(),
  to: z.string(),
  increases: z.array(z.object({ personNo: z.string(), name: z.string(), idNumber: z.string(), insuranceType: z.string(), label: z.string(), date: z.string(), period: z.number().int() })),
  decreases: z.array(
    z.object({ personNo: z.string(), name: z.string(), idNumber: z.string(), insuranceType: z.string(), label: z.string(), date: z.string(), period: z.number().int().nullable(), reason: z.string().nullable() }),
  ),
  summary: z.array(z.object({ insuranceType: z.string(), label: z.string(), increases: z.number().int(), decreases: z.number().int() })),
});

export const RosterQuery = PageQuery.extend({
  status: codeSchema(EnrolmentStatuses, '参保状态').optional(),
  insuranceType: z.enum(UNIT_INSURANCE_TYPES, '险种须为养老、失业或工伤保险').optional(),
  keyword: z.string().trim().max(32).optional().describe('姓名、个人编号或证件号码'),
  reveal: Reveal,
});
export type RosterQuery = z.input<typeof RosterQuery>;

export const RosterRow = z.object({
  personId: z.number().int(),
  personNo: z.string().describe('个人编号'),
  name: z.string(),
  idNumber: z.string(),
  sex: z.string(),
  birthDate: z.string(),
  phone: z.string().nullable(),
  insurances: z.array(
    z.object({
      insuranceType: z.string(),
      label: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      startPeriod: z.number().int(),
      stopPeriod: z.number().int().nullable(),
      monthlyBase: z.string().nullable().describe('缴费基数（元）'),
    }),
  ),
});

export const PendingVerificationRow = z.object({
  personNo: z.string(),
  name: z.string(),
  idNumber: z.string(),
  sex: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  paymentStatus: z.string().nullable().describe('发放状态'),
  stopReason: z.string().nullable().describe('停发原因'),
  stopDate: z.string().nullable().describe('停发日期'),
  personStatus: z.string(),
});

export const unitQueryRoutes = defineRoutes([
  { method: 'GET', path: '/api/unit/info', summary: '单位综合信息：基本信息、参保信息、经办人、银行账户', tag: 'unit', auth: 'unit', request: { query: z.object({ reveal: Reveal }) }, response: UnitInfoResponse },
  {
    method: 'GET', path: '/api/unit/change-history', summary: '单位综合信息：信息变更查询（办结的变更业务，含变更前后）', tag: 'unit', auth: 'unit',
    request: { query: PageQuery.extend({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional() }) }, response: ChangeHistoryResponse,
  },
  {
    method: 'GET', path: '/api/unit/staff-changes', summary: '单位综合信息：人员增减变动查询（按日期范围）', tag: 'unit', auth: 'unit',
    request: { query: DateRangeQuery.extend({ reveal: Reveal }) }, response: StaffChangesResponse,
  },
  { method: 'GET', path: '/api/unit/roster', summary: '单位参保人员', tag: 'unit', auth: 'unit', request: { query: RosterQuery }, response: Paged(RosterRow) },
  {
    method: 'GET', path: '/api/unit/roster/export', summary: '单位参保人员导出（xlsx，全部符合条件的人员）', tag: 'unit', auth: 'unit',
    request: { query: RosterQuery.omit({ page: true, pageSize: true }) }, response: z.any(), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  {
    method: 'GET', path: '/api/unit/pending-verification', summary: '待核实人员', tag: 'unit', auth: 'unit',
    request: { query: PageQuery.extend({ reveal: Reveal }) }, response: Paged(PendingVerificationRow),
  },
]);
