/**
 * Reason code lists from the seed templates. The database stores the 2-digit code (e.g. `enrolment.stop_reason`
 * VARCHAR(8)); `key` is the English name for code, `label` the template's wording. The seeds give no numeric
 * codes, so the numbering is ours: in template order, 99 = 其他.
 */
import { defineCodeTable, type CodeOf } from './table';

/**
 * 停保(减员)原因, R32 (seed 002 §3.3.17 template; the report adds 退休(退职) and 无法联系的, R31 lists the same causes).
 * 退休减员 (template) and 退休(退职) (report) are one reason.
 */
export const StopReasons = defineCodeTable([
  { code: '01', key: 'CONTRACT_ENDED', label: '终止解除劳动合同(劳动关系)', aliases: ['终止解除劳动合同', '解除劳动关系', '终止劳动合同', '解除劳动合同'] },
  { code: '02', key: 'IMPRISONED', label: '服刑', aliases: ['判刑'] },
  { code: '03', key: 'MILITARY_OR_STUDY', label: '入伍入学', aliases: ['上学', '参军', '入伍', '入学'] },
  { code: '04', key: 'RETIRED', label: '退休减员', aliases: ['退休(退职)', '退休', '退职'] },
  { code: '05', key: 'DUPLICATE', label: '重复参保' },
  { code: '06', key: 'ADMIN_TRANSFER', label: '行政调动' },
  { code: '07', key: 'RESIGNED', label: '职工发生辞职(退)', aliases: ['辞职', '辞退'] },
  { code: '08', key: 'UNREACHABLE', label: '无法联系的', aliases: ['无法联系'] },
  { code: '09', key: 'DEATH', label: '死亡' },
  { code: '99', key: 'OTHER', label: '其他' },
]);
export type StopReason = CodeOf<typeof StopReasons>;
/** `StopReason.DEATH === '09'` */
export const StopReason = StopReasons.keys;

/**
 * 补缴原因, R53 (seed 002 §3.3.30/31 templates), plus 社区类补缴 which §3.3.31's template uses.
 * R55/R56 hang material rules on these (劳动合同 ≤ 3 years; 视同缴费年限 needs a prior determination).
 */
export const BackPaymentReasons = defineCodeTable([
  { code: '01', key: 'LABOUR_CONTRACT', label: '劳动合同补缴' },
  { code: '02', key: 'DEEMED_YEARS', label: '视同缴费年限补缴' },
  { code: '03', key: 'ADMIN_RETROSPECTIVE', label: '行政审批历史追溯补缴' },
  { code: '04', key: 'LEGAL_DOCUMENT', label: '法律文书补缴' },
  { code: '05', key: 'AUDIT_NOTICE', label: '稽核部门出具的整改通知书', aliases: ['稽核整改补缴'] },
  { code: '06', key: 'COMMUNITY', label: '社区类补缴' },
]);
export type BackPaymentReason = CodeOf<typeof BackPaymentReasons>;
export const BackPaymentReason = BackPaymentReasons.keys;

/** 退收、退账原因, R71 (seed 002 §3.3.35 template). */
export const RefundReasons = defineCodeTable([
  { code: '01', key: 'EMPLOYMENT_ENDED', label: '解除劳动关系多缴退收/退账', aliases: ['解除劳动关系多缴退收', '解除劳动关系多缴退账'] },
  { code: '02', key: 'IMPRISONED', label: '服刑多缴退收/退账', aliases: ['服刑多缴退收', '服刑多缴退账'] },
  { code: '03', key: 'ADMIN_APPROVED', label: '行政部门审批认定多缴退收/退账', aliases: ['行政部门审批认定多缴退收', '行政部门审批认定多缴退账'] },
  { code: '99', key: 'OTHER', label: '其他退收/退账', aliases: ['其他退收', '其他退账', '其他'] },
]);
export type RefundReason = CodeOf<typeof RefundReasons>;
export const RefundReason = RefundReasons.keys;
