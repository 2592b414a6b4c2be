/**
 * Staff matters of a unit (seed 002 M1/M3): 参保登记/续保 (增员, §3.3.3), 社会保险暂停 (减员/停保, §3.3.17),
 * 减少险种 (§3.3.18), 增加险种 (§3.3.19). Every row is one worker; the in-flight rule is per worker within the unit.
 */
import { z } from 'zod';
import { Ethnicities } from '../codes/person';
import { EmploymentForms } from '../codes/person-info';
import { StopReasons } from '../codes/reasons';
import { ageOn } from '../validate/id-card';
import { lastDayOfPeriod, periodOfDate } from '../period';
import {
  BATCH_GUIDANCE,
  RESULT_INSTANT,
  RESULT_REVIEW,
  TEMPLATE_INSTRUCTION,
  TERMS_TEXT,
  VALIDATION_GUIDANCE,
  insuranceTickColumns,
} from './common';
import {
  EmailField,
  MobileField,
  PostalCodeField,
  RowIdNumber,
  RowPersonName,
  UnitInsuranceTypesField,
  codeField,
  dateField,
  optional,
  optionalCodeField,
  optionalText,
  wageFenField,
} from './fields';
import type { MatterDefinition, RowIssue, RuleContext, TemplateColumn } from './types';

/** A worker must be at least 16 to be employed (劳动法 art. 15). */
export const MIN_WORKING_AGE = 16;

const noForm = z.object({}).strict();

const unitColumns: TemplateColumn[] = [
  { header: '序号', field: '', kind: 'seq', example: '1', width: 6 },
  { header: '单位编号', field: 'unitNo', kind: 'unitNo', example: '4205000001', width: 14 },
  { header: '单位名称', field: 'unitName', kind: 'unitName', example: '武汉**公司', width: 24 },
];

/** The worker and insurance-type fields of a 减员 / 减少险种 / 增加险种 row (the worker is already enrolled). */
const workerTypesFields = {
  personNo: optionalText(20, '个人编号'),
  idNumber: RowIdNumber,
  name: RowPersonName,
  insuranceTypes: UnitInsuranceTypesField,
};
const workerLabels = { personNo: '个人编号', idNumber: '身份证号码', name: '姓名' };

/** Their template columns: the unit, then 个人编号, 身份证号码, 姓名 and a tick column per insurance type. */
const workerTypesColumns: TemplateColumn[] = [
  ...unitColumns,
  { header: '个人编号', field: 'personNo', kind: 'text', example: '420500000001', width: 14 },
  { header: '身份证号码', field: 'idNumber', kind: 'idNumber', required: true, example: '11010519491231002X', width: 22 },
  { header: '姓名', field: 'name', kind: 'text', required: true, example: '张三', width: 10 },
  ...insuranceTickColumns('insuranceTypes', { PENSION: '城镇企业职工养老保险', UNEMPLOYMENT: '失业保险', WORK_INJURY: '工伤保险' }),
];

/** Dates after the end of the current month are not accepted (the month must be declarable). */
function notAfterThisMonth(date: string, ctx: RuleContext, field: string, column: string, what: string): RowIssue[] {
  return date > lastDayOfPeriod(periodOfDate(ctx.today)) ? [{ field, column, reason: `${what}不能晚于当月` }] : [];
}

// ── 单位职工参保登记/续保 (增员) §3.3.3 ─────────────────────────────────────────────────────────

export const StaffEnrolRow = z.object({
  idNumber: RowIdNumber,
  name: RowPersonName,
  ethnicity: codeField(Ethnicities, '民族'),
  /** 本次申报参工时间 */
  workStartDate: dateField('本次申报参工时间'),
  /** 月缴费工资 in fen; the base is rounded to 10 yuan and floored/capped (R12, R13). */
  monthlyWage: wageFenField('月缴费工资'),
  insuranceTypes: UnitInsuranceTypesField,
  phone: MobileField,
  /** Single-mode extras (§3.3.3 form). */
  firstWorkDate: optional(dateField('首次参加工作日期')),
  employmentForm: optionalCodeField(EmploymentForms, '用工形式'),
  postalCode: optional(PostalCodeField),
  email: optional(EmailField),
  address: optionalText(256, '常住地地址'),
});
export type StaffEnrolRow = z.output<typeof StaffEnrolRow>;

export const staffEnrol: MatterDefinition<typeof noForm, typeof StaffEnrolRow> = {
  code: 'STAFF_ENROL',
  name: '单位职工参保登记/续保',
  section: '3.3.3',
  category: 'REGISTRATION',
  applicant: 'unit',
  description: '为参保单位新增人员办理参保/续保登记，含养老、失业、工伤三个险种。',
  guidance: [
    '输入证件号码，录入其他基本信息后，点击【添加检验】',
    ...BATCH_GUIDANCE,
    VALIDATION_GUIDANCE,
    '职工从原单位调入的，须先由原单位办理人员停保，才能在新单位办理参保（续保）。',
  ],
  terms: TERMS_TEXT,
  review: 'reviewed',
  resultMessage: RESULT_REVIEW,
  modes: ['SINGLE', 'BATCH'],
  form: noForm,
  row: StaffEnrolRow,
  rowKey: 'idNumber',
  rowLabels: {
    idNumber: '身份证号码',
    name: '姓名',
    ethnicity: '民族',
    workStartDate: '本次申报参工时间',
    monthlyWage: '月缴费工资',
    insuranceTypes: '参保险种',
    phone: '联系电话(手机)',
    firstWorkDate: '首次参加工作日期',
    employmentForm: '用工形式',
    postalCode: '邮政编码',
    email: '电子邮箱',
    address: '常住地地址',
  },
  rowRules: (row, ctx) => {
    const issues = notAfterThisMonth(row.workStartDate, ctx, 'workStartDate', '本次申报参工时间', '本次申报参工时间');
    const birth = `${row.idNumber.slice(6, 10)}-${row.idNumber.slice(10, 12)}-${row.idNumber.slice(12, 14)}`;
    if (row.workStartDate >= birth && ageOn(birth, row.workStartDate) < MIN_WORKING_AGE) {
      issues.push({ field: 'workStartDate', column: '本次申报参工时间', reason: `参工时未满${MIN_WORKING_AGE}周岁，不能参保` });
    } else if (row.workStartDate < birth) {
      issues.push({ field: 'workStartDate', column: '本次申报参工时间', reason: '本次申报参工时间早于出生日期' });
    }
    if (row.firstWorkDate !== undefined && row.firstWorkDate > row.workStartDate) {
      issues.push({ field: 'firstWorkDate', column: '首次参加工作日期', reason: '首次参加工作日期不能晚于本次申报参工时间' });
    }
    return issues;
  },
  template: {
    title: '在职职工增员申报表',
    fileName: '在职职工增员申报表',
    columns: [
      ...unitColumns,
      { header: '身份证号码', field: 'idNumber', kind: 'idNumber', required: true, example: '11010519491231002X', width: 22 },
      { header: '姓名', field: 'name', kind: 'text', required: true, example: '张三', width: 10 },
      { header: '民族', field: 'ethnicity', kind: 'code', codeTable: Ethnicities, required: true, example: '01 汉族', width: 12 },
      { header: '本次申报参工时间', field: 'workStartDate', kind: 'date', required: true, example: '2021-03-12', width: 16 },
      { header: '月缴费工资', field: 'monthlyWage', kind: 'money', required: true, example: '5000', width: 12 },
      ...insuranceTickColumns('insuranceTypes', { PENSION: '城镇职工养老保险', UNEMPLOYMENT: '失业保险', WORK_INJURY: '工伤保险' }),
      { header: '联系电话(手机)', field: 'phone', kind: 'text', required: true, example: '13000000000', width: 14 },
    ],
    instruction: TEMPLATE_INSTRUCTION,
    notes: [
      '1、月缴费工资必须经职工本人签字确认，签字表由申报单位留存备查。',
      '2、补缴需另填报《职工基本养老保险费补缴申报明细表》。',
      '3、核定缴费基数时，四舍五入到十元。对于申报时月缴费工资低于缴费基数标准60%或高于缴费基数标准300%的，按国家规定的保底或封顶处理。',
      '4、参保险种在对应列填写“√”；民族请从下拉列表中选择；日期格式为YYYY-MM-DD。',
    ],
    maxRows: 10_000,
  },
  materials: [],
  inFlight: 'staff',
  reportTitle: '在职职工增员申报表',
  reportNotes: [
    '1、月缴费工资必须经职工本人签字确认，签字表由申报单位留存备查。',
    '2、补缴需另填报《职工基本养老保险费补缴申报明细表》。',
    '3、核定缴费基数时，四舍五入到十元。对于申报时月缴费工资低于缴费基数标准60%或高于缴费基数标准300%的，按国家规定的保底或封顶处理。',
  ],
};

// ── 单位职工社会保险暂停 (减员/停保) §3.3.17 ───────────────────────────────────────────────────

export const StaffStopRow = z.object({
  ...workerTypesFields,
  /** 停保(减员)日期: the last day worked; its month is still payable (R004-23). */
  stopDate: dateField('停保(减员)日期'),
  reason: codeField(StopReasons, '停保(减员)原因'),
  remark: optionalText(200, '备注'),
});
export type StaffStopRow = z.output<typeof StaffStopRow>;

export const staffStop: MatterDefinition<typeof noForm, typeof StaffStopRow> = {
  code: 'STAFF_STOP',
  name: '单位职工社会保险暂停',
  section: '3.3.17',
  category: 'CONTRIBUTION_DECLARATION',
  applicant: 'unit',
  description: '为参保单位职工因上学、参军、解除劳动关系、行政调动、判刑、死亡、无法联系等原因办理社会保险关系暂停。',
  guidance: [
    '输入证件号码，或点击放大镜查询人员，填写停保时间、停保原因和参加险种（*为必填），点击【添加】',
    '点击【下载模板】，并填好信息。然后点击【选择报盘】导入填写的报盘，后点击【保存】，生成减员申报表',
    '当月员工有上班就需要缴纳社保费用：停保时间当月要缴费，如果当月开始不缴费，停保时间选择上个月；停保时间按照解除劳动合同的时间填写。',
    '离职的当月需要给该员工先缴费再来办理此功能。',
  ],
  terms: TERMS_TEXT,
  // The seed shows no review step for 减员, and seed 004 FAQ15 says "可以直接办理减员，后申请核定" (inferred: instant).
  review: 'instant',
  resultMessage: RESULT_INSTANT,
  modes: ['SINGLE', 'BATCH'],
  form: noForm,
  row: StaffStopRow,
  rowKey: 'idNumber',
  rowLabels: {
    ...workerLabels,
    insuranceTypes: '停保险种',
    stopDate: '停保(减员)日期',
    reason: '停保(减员)原因',
    remark: '备注',
  },
  rowRules: (row, ctx) => notAfterThisMonth(row.stopDate, ctx, 'stopDate', '停保(减员)日期', '停保(减员)日期'),
  template: {
    title: '在职职工减员申报表',
    fileName: '在职职工减员申报表',
    columns: [
      ...workerTypesColumns,
      { header: '停保(减员)日期', field: 'stopDate', kind: 'date', required: true, example: '2021-03-31', width: 16 },
      { header: '停保(减员)原因', field: 'reason', kind: 'code', codeTable: StopReasons, required: true, example: '07 职工发生辞职(退)', width: 24 },
    ],
    instruction: TEMPLATE_INSTRUCTION,
    notes: [
      '停保(减员)原因：终止解除劳动合同(劳动关系)、服刑、入伍入学、重复参保、行政调动、职工发生辞职(退)、退休减员、死亡、其他等。',
      '停保时间当月要缴费；离职的当月需要先缴费再办理停保。',
    ],
    maxRows: 10_000,
  },
  materials: [],
  inFlight: 'staff',
  reportTitle: '在职职工减员申报表',
  reportNotes: [
    '填报说明：停保(减员)原因：终止解除劳动合同(劳动关系)、服刑、入伍入学、退休(退职)、重复参保、行政调动、职工发生辞职(退)、无法联系的、死亡、其他等。',
  ],
};

// ── 单位职工减少险种登记 §3.3.18 ───────────────────────────────────────────────────────────────

export const StaffReduceTypesRow = z.object({
  ...workerTypesFields,
  /** 变更日期: the last insured day of the reduced types (its month is payable, like 停保). */
  changeDate: dateField('变更日期'),
  reason: optionalText(64, '变更原因'),
});
export type StaffReduceTypesRow = z.output<typeof StaffReduceTypesRow>;

export const staffReduceTypes: MatterDefinition<typeof noForm, typeof StaffReduceTypesRow> = {
  code: 'STAFF_REDUCE_TYPES',
  name: '单位职工减少险种登记',
  section: '3.3.18',
  category: 'CONTRIBUTION_DECLARATION',
  applicant: 'unit',
  description: '为参保单位职工办理部分险种减少或部分险种暂停。',
  guidance: ['查询人员后，填写变更时间、变更原因、变更险种，点击【添加】', ...BATCH_GUIDANCE, '上传材料（必传材料必须上传才能办理）'],
  terms: TERMS_TEXT,
  review: 'instant',
  resultMessage: RESULT_INSTANT,
  modes: ['SINGLE', 'BATCH'],
  form: noForm,
  row: StaffReduceTypesRow,
  rowKey: 'idNumber',
  rowLabels: { ...workerLabels, insuranceTypes: '减少险种', changeDate: '变更日期', reason: '变更原因' },
  rowRules: (row, ctx) => notAfterThisMonth(row.changeDate, ctx, 'changeDate', '变更日期', '变更日期'),
  template: {
    title: '在职职工险种减少申报表',
    fileName: '在职职工险种减少申报表',
    columns: [
      ...workerTypesColumns,
      { header: '变更日期', field: 'changeDate', kind: 'date', required: true, example: '2021-03-31', width: 14 },
    ],
    instruction: TEMPLATE_INSTRUCTION,
    notes: ['减少的险种在对应列填写“√”；变更日期当月仍须缴费。'],
    maxRows: 10_000,
  },
  // The seed says "必传材料必须上传才能办理" without naming it; the report it generates is 单位职工减少险种申报表 (L8).
  materials: [
    { code: 'REDUCTION_FORM', name: '单位职工减少险种申报表（加盖单位公章）', requirement: 'REQUIRED', description: '必传' },
    { code: 'OTHER', name: '其他材料', requirement: 'OPTIONAL', description: '非必传' },
  ],
  inFlight: 'staff',
  reportTitle: '单位职工减少险种申报表',
};

// ── 单位职工增加险种登记 §3.3.19 ───────────────────────────────────────────────────────────────

export const StaffAddTypesRow = z.object({
  ...workerTypesFields,
  /** 变更时间: the first insured day of the added types. */
  changeDate: dateField('变更时间'),
  /** 上年月均工资 in fen (T12), the base of the added types. */
  monthlyWage: wageFenField('上年月均工资'),
  reason: optionalText(64, '变更原因'),
});
export type StaffAddTypesRow = z.output<typeof StaffAddTypesRow>;

export const staffAddTypes: MatterDefinition<typeof noForm, typeof StaffAddTypesRow> = {
  code: 'STAFF_ADD_TYPES',
  name: '单位职工增加险种登记',
  section: '3.3.19',
  category: 'CONTRIBUTION_DECLARATION',
  applicant: 'unit',
  description: '为参保单位职工办理增加险种或恢复险种缴费状态。',
  guidance: ['单人操作：查询人员后，填写变更时间、变更原因、变更险种', ...BATCH_GUIDANCE],
  terms: TERMS_TEXT,
  review: 'reviewed',
  resultMessage: RESULT_REVIEW,
  modes: ['SINGLE', 'BATCH'],
  form: noForm,
  row: StaffAddTypesRow,
  rowKey: 'idNumber',
  rowLabels: {
    ...workerLabels,
    insuranceTypes: '参保险种',
    changeDate: '变更时间',
    monthlyWage: '上年月均工资',
    reason: '变更原因',
  },
  rowRules: (row, ctx) => notAfterThisMonth(row.changeDate, ctx, 'changeDate', '变更时间', '变更时间'),
  template: {
    title: '在职职工险种增加申报表',
    fileName: '在职职工险种增加申报表',
    columns: [
      ...workerTypesColumns,
      { header: '变更时间', field: 'changeDate', kind: 'date', required: true, example: '2021-03-01', width: 14 },
      { header: '上年月均工资', field: 'monthlyWage', kind: 'money', required: true, example: '8000', width: 14 },
    ],
    instruction: TEMPLATE_INSTRUCTION,
    notes: ['增加的险种在对应列填写“√”。核定缴费基数时四舍五入到十元，低于60%或高于300%的按保底或封顶处理。'],
    maxRows: 10_000,
  },
  materials: [{ code: 'APPROVAL', name: '险种变更审批件', requirement: 'OPTIONAL', description: '非必传' }],
  inFlight: 'staff',
  reportTitle: '在职职工险种增加申报表',
};
