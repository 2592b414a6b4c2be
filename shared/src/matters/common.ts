/** Texts shared by the wizard of every matter (seed 002 §2). */
import { InsuranceTypes, type UnitInsuranceType } from '../codes/insurance';
import type { TemplateColumn } from './types';

/** Step-1 checkbox (the wording varies slightly by service; this is §3.3.3's). */
export const TERMS_TEXT = '我已阅读以上内容，并接受用户使用协议和相关法律法规条款。';

/** Step-1 instruction. */
export const STEP1_INSTRUCTION = '填写申报人、手机号码，勾选内容后，点击【下一步】';

/** The three steps of the progress bar. */
export const WIZARD_STEPS = ['服务说明', '表单填写', '确认提交'] as const;

/** Result messages (§2.8). */
export const RESULT_REVIEW = '申报成功，请等待管理单位审核！';
export const RESULT_ACCEPTED = '该业务已受理成功，您可在办件记录中查询办理进度！';
export const RESULT_INSTANT = '该业务已成功办结!';

/** Printed under every generated report (§2.7). */
export const REPORT_DECLARATION = '*以上事项填写真实，若与实际情况不符，本单位愿承担相关责任。';

/** The standard trailer (R98). */
export const CASE_RECORD_HINT = '在我的办件记录可查看历史办件信息和打印业务相关单据，其他业务同理';

/** The line under a template's worked example (§2.4). */
export const TEMPLATE_INSTRUCTION = '以上一行填写示例请从下一行开始按示例填写(不要删除示例和本行说明文字)，所有内容都必须使用文本格式';

/** The batch how-to (§2.4). */
export const BATCH_GUIDANCE = [
  '需要批量添加时，点击【模板下载】',
  '根据示例信息按照模板要求格式，填写好信息。',
  '点击【选择报盘】导入刚才填写的模板文件，后点击【上传校验】',
] as const;

/** §2.6. */
export const VALIDATION_GUIDANCE =
  '校验后，若符合参保条件，显示出校验通过的信息，若不符合参保条件，则会显示校验不通过原因，根据不通过原因修改相应信息，重新添加校验。在校验通过列表中，确认信息无误，点击【保存】按钮。';

/** Tick columns 养老 | 失业 | 工伤 of the staff templates (T1, T10–T12), with the seed's headers. */
export function insuranceTickColumns(field: string, headers: Readonly<Record<UnitInsuranceType, string>>): TemplateColumn[] {
  return (['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'] as const).map((t) => ({
    header: headers[t],
    field,
    kind: 'tick' as const,
    tickValue: t,
    example: '√',
    width: 10,
  }));
}

/** "养老、失业" from insurance type codes. */
export function insuranceShortLabels(types: readonly string[]): string {
  return types
    .map((t) => {
      const e = InsuranceTypes.get(t);
      return e ? e.shortLabel : t;
    })
    .join('、');
}
