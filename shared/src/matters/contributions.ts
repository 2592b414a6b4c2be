/**
 * Contribution matters on the case engine (issue 7): 单位职工社会保险缴费工资申报 (年度缴费工资申报, seed 002 §3.3.20;
 * R35, R36; seed 004 R004-5…8). The monthly declaration and the bills are not cases (they have their own endpoints,
 * bff/src/modules/contributions); what the center may need to see or a unit files with materials is a matter.
 */
import { z } from 'zod';
import { declaredMonthlyWage } from '../contribution';
import { BATCH_GUIDANCE, RESULT_INSTANT, TEMPLATE_INSTRUCTION, TERMS_TEXT, VALIDATION_GUIDANCE } from './common';
import { RowIdNumber, RowPersonName, optionalText } from './fields';
import type { MatterDefinition } from './types';

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
