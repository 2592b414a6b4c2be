/**
 * Contribution matters on the case engine (issue 7): 单位职工社会保险缴费工资申报 (年度缴费工资申报, seed 002 §3.3.20;
 * R35, R36; seed 004 R004-5…8). The monthly declaration and the bills are not cases (they have their own endpoints,
 * bff/src/modules/contributions); what the center may need to see or a unit files with materials is a matter.
 */
import { z } from 'zod';
import { BackPaymentReasons, RefundReasons } from '../codes/reasons';
import { declaredMonthlyWage } from '../contribution';
import { BATCH_GUIDANCE, RESULT_INSTANT, RESULT_REVIEW, TEMPLATE_INSTRUCTION, TERMS_TEXT, VALIDATION_GUIDANCE, insuranceTickColumns } from './common';
import { RowIdNumber, RowPersonName, UnitInsuranceTypesField, codeField, optionalText } from './fields';
import type { MatterDefinition, RowIssue, TemplateColumn } from './types';

const noForm = z.object({}).strict();

/** The leading columns of the printed 明细表 of matters without a batch template (T14, T15, T17). */
const reportPersonColumns: TemplateColumn[] = [
  { header: '单位编号', field: 'unitNo', kind: 'unitNo', example: '', width: 14 },
  { header: '单位名称', field: 'unitName', kind: 'unitName', example: '', width: 22 },
  { header: '个人编号', field: 'personNo', kind: 'text', example: '', width: 14 },
  { header: '身份证号码', field: 'idNumber', kind: 'idNumber', example: '', width: 20 },
  { header: '姓名', field: 'name', kind: 'text', example: '', width: 9 },
];
const BACK_PAYMENT_REPORT_NOTES = [
  '本表申报月平均工资必须经职工本人签字确认，单位留存。',
  '低于历年缴费基数标准60%或高于300%的，按历年保底或封顶数核定；核定缴费基数时四舍五入到十元。',
];
const reportTypeTicks = insuranceTickColumns('insuranceTypes', { PENSION: '城镇职工基本养老保险', UNEMPLOYMENT: '失业保险', WORK_INJURY: '工伤保险' }).map((c) => ({ ...c, width: 6 }));

/**
 * The leading columns of the batch templates T14, T15 and T17 (序号, 单位, 人员), with the worked example's values.
 * The templates leave out the seed's 补缴月数 / 退收月数 columns: they follow from the two months and are computed.
 */
const templatePersonColumns: TemplateColumn[] = [
  { header: '序号', field: '', kind: 'seq', example: '1', width: 6 },
  { header: '单位编号', field: 'unitNo', kind: 'unitNo', example: '4205000001', width: 14 },
  { header: '单位名称', field: 'unitName', kind: 'unitName', example: '宜昌**公司', width: 24 },
  { header: '个人编号', field: 'personNo', kind: 'text', example: '420500012345', width: 16 },
  { header: '身份证号码', field: 'idNumber', kind: 'idNumber', required: true, example: '11010519491231002X', width: 22 },
  { header: '姓名', field: 'name', kind: 'text', required: true, example: '张三', width: 10 },
];
const month = (header: string, example: string): TemplateColumn => ({ header, field: '', kind: 'text', required: true, example, width: 12 });
const templateTypeTicks = (pension: string) =>
  insuranceTickColumns('insuranceTypes', { PENSION: pension, UNEMPLOYMENT: '失业保险', WORK_INJURY: '工伤保险' });
const BACK_PAYMENT_TEMPLATE_NOTES = [
  '1、补缴原因：劳动合同补缴、视同缴费年限补缴、行政审批历史追溯补缴、法律文书补缴、稽核部门出具的整改通知书。',
  '2、补缴开始年月、补缴结束年月按YYYYMM填写（如202401），身份证号码请使用文本格式填写。',
  '3、险种列打"√"表示补缴该险种；默认全险种。',
  '4、按照政策规定，补缴1996年1月1日以后时段，加收个人账户利息及滞纳金。',
  '5、本表申报月平均工资必须经职工本人签字确认，单位留存。',
  '6、低于历年缴费基数标准60%或高于300%的，将按历年保底或封顶数核定，核定缴费基数时四舍五入到十元。',
];

// ── 单位职工社会保险缴费工资申报 §3.3.20 ────────────────────────────────────────────────────────

/** The declaration year (申报年度) = the social-insurance year it sets bases for (2025 → 2025-07 … 2026-06). */
export const WageDeclarationForm = z.object({
  year: z.int('申报年度须为四位数年份').min(2000, '申报年度须为四位数年份').max(2999, '申报年度须为四位数年份'),
});

/**
 * One worker: the previous calendar year's wages (上年工资总额, fen) and the months worked in it (上年工作月数 1–12).
 * 申报工资 = total ÷ months, half-up to 10 yuan (R004-5: "不足12个月的，按实际月数的平均工资申报"; a new hire of this
 * year enters the first month's wage with months = 1: "新进人员按起薪当月工资申报"). The base is that wage floored /
 * capped by the social year's bounds (R35).
 */
export const WageDeclarationRow = z.object({
  personNo: optionalText(20, '个人编号'),
  idNumber: RowIdNumber,
  name: RowPersonName,
  wageTotal: z.int('上年工资总额须为金额').min(1, '上年工资总额须大于0').max(10_000_000_000, '上年工资总额超出合理范围'),
  months: z.coerce.number('上年工作月数须为1至12的整数').int('上年工作月数须为1至12的整数').min(1, '上年工作月数须为1至12的整数').max(12, '上年工作月数须为1至12的整数'),
});
export type WageDeclarationRow = z.output<typeof WageDeclarationRow>;

/** 申报工资 of a row (月平均工资, 保留到10元). */
export function wageDeclarationMonthly(row: Pick<WageDeclarationRow, 'wageTotal' | 'months'>): number {
  return declaredMonthlyWage(row.wageTotal, row.months);
}

export const wageDeclaration: MatterDefinition<typeof WageDeclarationForm, typeof WageDeclarationRow> = {
  code: 'WAGE_DECLARATION',
  name: '单位职工社会保险缴费工资申报',
  section: '3.3.20',
  category: 'CONTRIBUTION_DECLARATION',
  applicant: 'unit',
  description:
    '参保单位职工向社保机构申报职工上一年度实际月平均工资(社保经办机构在年度申报工资启用后对单位申报的缴费工资进行保底封顶生成缴费基数)。',
  guidance: [
    '选择申报年度，在人员列表中添加上年月均工资，并勾选需申报的人员，确认无误点击【添加校验】',
    ...BATCH_GUIDANCE,
    VALIDATION_GUIDANCE,
    '职工缴费工资按本人上一自然年度月平均工资进行申报（保留到10元）；不足12个月的，按实际月数的平均工资申报；新进人员按起薪当月工资申报。',
    '申报时限为每年4月1日至6月30日；社保年度为当年7月1日至次年6月30日。',
    '从7月1日起，须先完成缴费工资申报后，方可办理单位缴费申报业务，跨月办理补缴申报的，按规定加收滞纳金和利息。',
    '申报前须在本单位公示，公示期不少于7天；申报工资须经职工本人签字确认，严禁他人代签；无需提供相关佐证资料。',
    '上传必传材料《承诺书》并点击【保存】',
  ],
  terms: TERMS_TEXT,
  review: 'instant',
  resultMessage: RESULT_INSTANT,
  modes: ['SINGLE', 'BATCH'],
  form: WageDeclarationForm,
  formLabels: { year: '申报年度' },
  row: WageDeclarationRow,
  rowKey: 'idNumber',
  rowLabels: {
    personNo: '个人编号',
    idNumber: '身份证号码',
    name: '姓名',
    wageTotal: '上年工资总额',
    months: '上年工作月数',
  },
  template: {
    title: '年度职工养老保险缴费工资申报表',
    fileName: '年度职工养老保险缴费工资申报表',
    columns: [
      { header: '序号', field: '', kind: 'seq', example: '1', width: 6 },
      { header: '单位编号', field: 'unitNo', kind: 'unitNo', example: '4205000001', width: 14 },
      { header: '单位名称', field: 'unitName', kind: 'unitName', example: '宜昌**公司', width: 24 },
      { header: '个人编号', field: 'personNo', kind: 'text', example: '420500012345', width: 16 },
      { header: '姓名', field: 'name', kind: 'text', required: true, example: '张三', width: 10 },
      { header: '身份证号码', field: 'idNumber', kind: 'idNumber', required: true, example: '11010519491231002X', width: 22 },
      { header: '上年工资总额', field: 'wageTotal', kind: 'money', required: true, example: '60000', width: 14 },
      { header: '上年工作月数', field: 'months', kind: 'text', required: true, example: '12', width: 12 },
    ],
    instruction: TEMPLATE_INSTRUCTION,
    notes: [
      '1、申报工资为职工本人上一自然年度月平均工资：上年工资总额÷上年工作月数，保留到10元；不足12个月的按实际月数计算；新进人员上年工资总额填写起薪当月工资，工作月数填1。',
      '2、社保经办机构对申报的缴费工资进行保底封顶生成缴费基数：低于缴费基数标准60%的按下限，高于300%的按上限核定。',
      '3、申报时限为每年4月1日至6月30日，申报工资须经职工本人签字确认，签字表由申报单位留存备查。',
      '4、身份证号码请使用文本格式填写。',
    ],
    maxRows: 10_000,
  },
  materials: [{ code: 'COMMITMENT', name: '承诺书', requirement: 'REQUIRED', description: '必传', maxFiles: 5 }],
  inFlight: 'unit',
  reportTitle: '年度职工社会保险缴费工资申报表',
};

// ── 补缴 (back-payment for workers) §3.3.30; R49–R58, R004-20/21 ─────────────────────────────────

const PeriodField = (what: string) =>
  z.coerce
    .number(`${what}须为YYYYMM格式的年月`)
    .int(`${what}须为YYYYMM格式的年月`)
    .refine((v) => v >= 190001 && v <= 299912 && v % 100 >= 1 && v % 100 <= 12, `${what}须为YYYYMM格式的年月`);

const backPaymentRowShape = {
  personNo: optionalText(20, '个人编号'),
  idNumber: RowIdNumber,
  name: RowPersonName,
  startPeriod: PeriodField('开始期号'),
  endPeriod: PeriodField('结束期号'),
  /** 月平均工资 (fen): each year's base is it floored/capped by that year's standard (R58). */
  monthlyWage: z.int('月平均工资须为金额').min(1, '月平均工资须大于0').max(100_000_000, '月平均工资超出合理范围'),
  insuranceTypes: UnitInsuranceTypesField,
};

const periodOrder = (row: { startPeriod: number; endPeriod: number }): RowIssue[] =>
  row.startPeriod > row.endPeriod ? [{ field: 'endPeriod', column: '结束期号', reason: '结束期号不能早于开始期号' }] : [];

const backPaymentLabels = {
  personNo: '个人编号',
  idNumber: '身份证号码',
  name: '姓名',
  startPeriod: '开始期号',
  endPeriod: '结束期号',
  monthlyWage: '月平均工资',
  insuranceTypes: '险种类型',
  reason: '补缴原因',
};

export const BackPaymentRow = z.object(backPaymentRowShape);
export type BackPaymentRow = z.output<typeof BackPaymentRow>;

/** 单位职工社会保险补缴申报 (ordinary, online): the 3 months before the current month (R004-21, FAQ8); instant. */
export const backPayment: MatterDefinition<typeof noForm, typeof BackPaymentRow> = {
  code: 'BACK_PAYMENT',
  name: '单位职工社会保险补缴申报',
  section: '3.3.30',
  category: 'CONTRIBUTION_DECLARATION',
  applicant: 'unit',
  description: '为参保单位职工办理当前月份以前3个月内的社会保险费补缴。补缴三个月前以前的社保费需要提交相关资料进行行政审批（劳动合同补缴）。',
  guidance: [
    '输入证件号码，填写补缴开始期号、结束期号、月平均工资，勾选险种类型，点击【添加】',
    '可以为职工补缴当前月份以前3个月的社保费，如：当前为2023年4月，可为职工办理2023年1-3月的补缴。',
    '补缴后请在当月开具《社会保险费应缴认定单》并在有效期内缴费，补缴费款按规定加收利息和滞纳金。',
    ...BATCH_GUIDANCE,
    VALIDATION_GUIDANCE,
  ],
  terms: TERMS_TEXT,
  review: 'instant',
  resultMessage: RESULT_INSTANT,
  modes: ['SINGLE', 'BATCH'],
  form: noForm,
  row: BackPaymentRow,
  rowKey: 'idNumber',
  rowLabels: backPaymentLabels,
  rowRules: (row) => periodOrder(row),
  template: {
    title: '职工基本养老保险费补缴申报明细表',
    fileName: '职工社会保险补缴申报明细表',
    columns: [
      ...templatePersonColumns,
      { ...month('补缴开始年月', '202401'), field: 'startPeriod' },
      { ...month('补缴结束年月', '202403'), field: 'endPeriod' },
      ...templateTypeTicks('城镇职工基本养老保险'),
      { header: '申报月平均工资(元)', field: 'monthlyWage', kind: 'money', required: true, example: '5600', width: 14 },
    ],
    instruction: TEMPLATE_INSTRUCTION,
    notes: ['1、网上只能补缴当前月份以前3个月的社保费；更早的月份请办理劳动合同补缴。', ...BACK_PAYMENT_TEMPLATE_NOTES.slice(1)],
    maxRows: 10_000,
  },
  materials: [],
  inFlight: 'unit',
  reportTitle: '职工基本养老保险费补缴申报明细表',
  reportColumns: [
    ...reportPersonColumns,
    { header: '补缴开始年月', field: 'startPeriod', kind: 'text', example: '', width: 10 },
    { header: '补缴结束年月', field: 'endPeriod', kind: 'text', example: '', width: 10 },
    ...reportTypeTicks,
    { header: '申报月平均工资(元)', field: 'monthlyWage', kind: 'money', example: '', width: 13 },
  ],
  reportNotes: BACK_PAYMENT_REPORT_NOTES,
};

export const LabourContractBackPaymentRow = z.object({
  ...backPaymentRowShape,
  reason: codeField(BackPaymentReasons, '补缴原因'),
});
export type LabourContractBackPaymentRow = z.output<typeof LabourContractBackPaymentRow>;

/** 劳动合同补缴 may cover at most 36 months in all (R49); more needs one of the listed documents (R55). */
export const LABOUR_CONTRACT_DOCUMENTS = ['LABOUR_CONTRACT', 'ORIGINAL_VOUCHERS'] as const;
export const BEYOND_THREE_YEARS_DOCUMENTS = ['ADMIN_APPROVAL', 'COURT_JUDGMENT', 'LABOUR_INSPECTION', 'ARBITRATION', 'AUDIT_NOTICE'] as const;

/** 单位职工社会保险劳动合同补缴申报 §3.3.30: reviewed; after the person's 统账结合 date; materials by duration. */
export const labourContractBackPayment: MatterDefinition<typeof noForm, typeof LabourContractBackPaymentRow> = {
  code: 'LABOUR_CONTRACT_BACK_PAYMENT',
  name: '单位职工社会保险劳动合同补缴申报',
  section: '3.3.30',
  category: 'CONTRIBUTION_DECLARATION',
  applicant: 'unit',
  description: '为参保单位职工办理个人统账结合时间之后累计补缴年限不超过36个月的补缴业务。',
  guidance: [
    '用人单位职工因某种原因未缴纳社会保险导致中断缴费的，职工个人需要补缴社会保险费，个人承担个人缴纳部分，单位承担单位缴纳部分。',
    '支持在职人员、暂停人员；支持同一单位下多人一起补缴；默认全险种，可勾选养老、失业、工伤。',
    '按照政策规定, 补缴1996年1月1日以后时段, 有收取个人账户利息及滞纳金。',
    '本单位补缴3年以内且累计补缴不超过3年的, 需提供《劳动合同》(或工资花名册、年度考核表等原始凭据，二选一); 本单位累计补缴超过3年以上的, 需提供行政审批、法院判决、劳动保障、劳动仲裁、稽核部门出具的整改通知书之一。',
    '本表申报月平均工资必须经职工本人签字确认, 单位留存。',
    '低于历年缴费基数标准60%或高于300%的, 将按历年保底或封顶数核定。',
    ...BATCH_GUIDANCE,
  ],
  terms: TERMS_TEXT,
  review: 'reviewed',
  resultMessage: RESULT_REVIEW,
  modes: ['SINGLE', 'BATCH'],
  form: noForm,
  row: LabourContractBackPaymentRow,
  rowKey: 'idNumber',
  rowLabels: backPaymentLabels,
  rowRules: (row) => periodOrder(row),
  template: {
    title: '职工基本养老保险费补缴申报明细表',
    fileName: '职工基本养老保险费补缴申报明细表（劳动合同补缴）',
    columns: [
      ...templatePersonColumns,
      { ...month('补缴开始年月', '201905'), field: 'startPeriod' },
      { ...month('补缴结束年月', '201906'), field: 'endPeriod' },
      { header: '补缴原因', field: 'reason', kind: 'code', codeTable: BackPaymentReasons, required: true, example: '01 劳动合同补缴', width: 20 },
      ...templateTypeTicks('城镇职工基本养老保险'),
      { header: '申报月平均工资(元)', field: 'monthlyWage', kind: 'money', required: true, example: '5600', width: 14 },
    ],
    instruction: TEMPLATE_INSTRUCTION,
    notes: BACK_PAYMENT_TEMPLATE_NOTES,
    maxRows: 10_000,
  },
  materials: [
    { code: 'LABOUR_CONTRACT', name: '劳动合同', requirement: 'OPTIONAL', description: '累计补缴不超过3年：劳动合同或原始凭据（二选一）' },
    { code: 'ORIGINAL_VOUCHERS', name: '工资花名册、年度考核表等原始凭据', requirement: 'OPTIONAL', description: '累计补缴不超过3年：劳动合同或原始凭据（二选一）' },
    { code: 'ADMIN_APPROVAL', name: '行政审批文件', requirement: 'OPTIONAL', description: '累计补缴超过3年：五选一' },
    { code: 'COURT_JUDGMENT', name: '法院判决书', requirement: 'OPTIONAL', description: '累计补缴超过3年：五选一' },
    { code: 'LABOUR_INSPECTION', name: '劳动保障监察文书', requirement: 'OPTIONAL', description: '累计补缴超过3年：五选一' },
    { code: 'ARBITRATION', name: '劳动仲裁裁决书', requirement: 'OPTIONAL', description: '累计补缴超过3年：五选一' },
    { code: 'AUDIT_NOTICE', name: '稽核部门出具的整改通知书', requirement: 'OPTIONAL', description: '累计补缴超过3年：五选一' },
  ],
  inFlight: 'unit',
  reportTitle: '职工基本养老保险费补缴申报明细表',
  reportColumns: [
    ...reportPersonColumns,
    { header: '补缴开始年月', field: 'startPeriod', kind: 'text', example: '', width: 10 },
    { header: '补缴结束年月', field: 'endPeriod', kind: 'text', example: '', width: 10 },
    { header: '补缴原因', field: 'reason', kind: 'code', codeTable: BackPaymentReasons, example: '', width: 14 },
    ...reportTypeTicks,
    { header: '申报月平均工资(元)', field: 'monthlyWage', kind: 'money', example: '', width: 13 },
  ],
  reportNotes: BACK_PAYMENT_REPORT_NOTES,
};

// ── 单位职工社会保险费多缴退费申报 §3.3.35; R70–R72, R004-30/31 ───────────────────────────────────

export const RefundRow = z.object({
  personNo: optionalText(20, '个人编号'),
  idNumber: RowIdNumber,
  name: RowPersonName,
  startPeriod: PeriodField('开始年月'),
  endPeriod: PeriodField('结束年月'),
  insuranceTypes: UnitInsuranceTypesField,
  reason: codeField(RefundReasons, '退收、退账原因'),
});
export type RefundRow = z.output<typeof RefundRow>;

export const refund: MatterDefinition<typeof noForm, typeof RefundRow> = {
  code: 'REFUND',
  name: '单位职工社会保险费多缴退费申报',
  section: '3.3.35',
  category: 'CONTRIBUTION_DECLARATION',
  applicant: 'unit',
  description: '为参保单位职工办理多缴退费或退账, 退款至单位收款账户。',
  guidance: [
    '可为职工办理当前月份往前三个月的退费，如：当前为2023年4月，可为职工办理2023年1-3月的多缴退费。',
    '单位需先为职工办理"单位职工社会保险暂停"，停保时间为职工离职当月，停保当月不可以为职工办理多缴退费。',
    '须上传加盖单位公章的《解除劳动合同通知书》或《单位职工减员申报表》等材料之一；单位须存在退收银行账户（可在单位一般信息变更中添加）。',
    ...BATCH_GUIDANCE,
  ],
  terms: TERMS_TEXT,
  review: 'reviewed',
  resultMessage: RESULT_REVIEW,
  modes: ['SINGLE', 'BATCH'],
  form: noForm,
  row: RefundRow,
  rowKey: 'idNumber',
  rowLabels: { ...backPaymentLabels, startPeriod: '开始年月', endPeriod: '结束年月', reason: '退收、退账原因' },
  rowRules: (row) => (row.startPeriod > row.endPeriod ? [{ field: 'endPeriod', column: '结束年月', reason: '结束年月不能早于开始年月' }] : []),
  template: {
    title: '单位职工基本养老保险费退收/退账申报明细表',
    fileName: '单位职工基本养老保险费退收退账申报明细表',
    columns: [
      ...templatePersonColumns,
      { ...month('退收/退账开始年月', '202401'), field: 'startPeriod' },
      { ...month('退收/退账结束年月', '202402'), field: 'endPeriod' },
      ...templateTypeTicks('城镇企业职工养老保险'),
      { header: '退收/退账原因', field: 'reason', kind: 'code', codeTable: RefundReasons, required: true, example: '01 解除劳动关系多缴退收/退账', width: 26 },
    ],
    instruction: TEMPLATE_INSTRUCTION,
    notes: [
      '1、退收/退账原因：解除劳动关系多缴退收/退账、服刑多缴退收/退账、行政部门审批认定多缴退收/退账、其他退收/退账。',
      '2、只能为已办理停保的职工退还停保月份以后、当前月份以前3个月内的多缴费用；停保当月不可退费。',
      '3、开始年月、结束年月按YYYYMM填写，身份证号码请使用文本格式填写。',
    ],
    maxRows: 10_000,
  },
  materials: [
    { code: 'TERMINATION_NOTICE', name: '解除劳动合同通知书（或单位职工减员申报表）', requirement: 'GROUP', group: '退费材料', description: '加盖单位公章' },
    { code: 'LEGAL_OR_APPROVAL', name: '司法部门出具的相关法律文书或行政审批件', requirement: 'GROUP', group: '退费材料' },
    { code: 'AUDIT_NOTICE', name: '稽核部门出具的整改通知书', requirement: 'GROUP', group: '退费材料' },
    { code: 'OTHER', name: '其他材料', requirement: 'GROUP', group: '退费材料' },
  ],
  inFlight: 'unit',
  reportTitle: '单位职工基本养老保险费退收/退账申报明细表',
  reportColumns: [
    ...reportPersonColumns,
    { header: '退收/退账开始年月', field: 'startPeriod', kind: 'text', example: '', width: 11 },
    { header: '退收/退账结束年月', field: 'endPeriod', kind: 'text', example: '', width: 11 },
    ...reportTypeTicks,
    { header: '退收/退账原因', field: 'reason', kind: 'code', codeTable: RefundReasons, example: '', width: 18 },
  ],
};

// ── 单位职工社会保险缴费工资变更申报 §3.3.21; R38–R41 ──────────────────────────────────────────────

/** 缴费工资变更 covers only the last two years (R38): 24 months back from the current month. */
export const WAGE_CHANGE_MAX_MONTHS_BACK = 24;

export const WageChangeRow = z
  .object({
    personNo: optionalText(20, '个人编号'),
    idNumber: RowIdNumber,
    name: RowPersonName,
    startPeriod: PeriodField('开始年月'),
    endPeriod: PeriodField('结束年月'),
    /** 上年月均工资(变更后), fen. */
    monthlyWage: z.int('上年月均工资须为金额').min(1, '上年月均工资须大于0').max(100_000_000, '上年月均工资超出合理范围'),
  })
  // The row's identity within a case: the person and the period (several periods of one person may be changed).
  .transform((r) => ({ ...r, key: `${r.idNumber}:${r.startPeriod}-${r.endPeriod}` }));
export type WageChangeRow = z.output<typeof WageChangeRow>;

export const wageChange: MatterDefinition<typeof noForm, typeof WageChangeRow> = {
  code: 'WAGE_CHANGE',
  name: '单位职工社会保险缴费工资变更申报',
  section: '3.3.21',
  category: 'CONTRIBUTION_DECLARATION',
  applicant: 'unit',
  description:
    '为参保单位职工办理两年内的社会保险缴费工资变更。如单位职工已申报的缴费工资和实缴工资不符时, 用人单位可对缴费工资申请变更, 社保经办机构对新申报缴费工资进行保底封顶生成新缴费基数, 并对历史缴费记录产生差额补退记录。',
  guidance: [
    '输入证件号码（双击证件号码后的放大镜按钮查询人员），填写开始年月、结束年月、上年月均工资，点击【添加校验】',
    '同一人员校验时，如果添加的时间段有重复将不允许添加。',
    '差额补收记录在"社会保险费应缴认定单及退费单据开具"中开具认定单缴费；差额退还记录一并结算。',
    ...BATCH_GUIDANCE,
    VALIDATION_GUIDANCE,
  ],
  terms: TERMS_TEXT,
  review: 'instant',
  resultMessage: RESULT_INSTANT,
  modes: ['SINGLE', 'BATCH'],
  form: noForm,
  row: WageChangeRow,
  rowKey: 'key',
  rowLabels: { personNo: '个人编号', idNumber: '证件号码', name: '姓名', startPeriod: '开始年月', endPeriod: '结束年月', monthlyWage: '上年月均工资', key: '时间段' },
  rowRules: (row) => (row.startPeriod > row.endPeriod ? [{ field: 'endPeriod', column: '结束年月', reason: '结束年月不能早于开始年月' }] : []),
  template: {
    title: '职工社会保险缴费工资变更申报表',
    fileName: '职工社会保险缴费工资变更申报表',
    columns: [
      ...templatePersonColumns,
      { ...month('开始年月', '202501'), field: 'startPeriod' },
      { ...month('结束年月', '202506'), field: 'endPeriod' },
      { header: '上年月平均工资(变更后)（元）', field: 'monthlyWage', kind: 'money', required: true, example: '5000', width: 18 },
    ],
    instruction: TEMPLATE_INSTRUCTION,
    notes: [
      '1、只能变更两年内（当前月份以前24个月内）已缴费月份的缴费工资；同一人员的时间段不能重叠。',
      '2、社保经办机构对新申报的缴费工资按各年度缴费基数标准的60%保底、300%封顶生成新的缴费基数，并对已缴费月份产生差额补收或退还记录。',
      '3、开始年月、结束年月按YYYYMM填写，身份证号码请使用文本格式填写。',
    ],
    maxRows: 10_000,
  },
  materials: [{ code: 'SUPPORTING', name: '工资证明等相关材料', requirement: 'OPTIONAL', description: '可选' }],
  inFlight: 'unit',
  reportTitle: '职工社会保险缴费工资变更申报表',
  reportColumns: [
    ...reportPersonColumns,
    { header: '开始年月', field: 'startPeriod', kind: 'text', example: '', width: 10 },
    { header: '结束年月', field: 'endPeriod', kind: 'text', example: '', width: 10 },
    { header: '上年月平均工资(变更后)（元）', field: 'monthlyWage', kind: 'money', example: '', width: 16 },
  ],
};
