/**
 * Field schemas of matter forms and rows, with the Chinese messages a clerk reads in the 校验不通过 list.
 * Row data is stored as the schema's output (case_item.data) and validated again on submit and on approval, so
 * every schema here is idempotent: its output parses to itself (money is integer fen, dates 'YYYY-MM-DD', codes the
 * code). The batch parser turns spreadsheet cells into these shapes before the schema sees them.
 */
import { z } from 'zod';
import { UNIT_INSURANCE_TYPES } from '../codes/insurance';
import type { CodeEntry, CodeTable } from '../codes/table';
import { isIsoDate } from '../period';
import { validateIdCard, normalizeIdNumber } from '../validate/id-card';
import { checkBankAccount, checkContactPhone, checkEmail, checkMobile, checkPostalCode } from '../validate/contact';

/** Trimmed text; '' → undefined, so blank cells and blank inputs mean "not given". */
export function optionalText(max: number, what: string) {
  return z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
    z.string(`${what}须为文本`).max(max, `${what}不能超过${max}个字`).optional(),
  );
}

export function requiredText(max: number, what: string) {
  return z
    .string(`请填写${what}`)
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}不能超过${max}个字`);
}

/** 居民身份证号码: GB 11643 checks with the reason in Chinese (校验位不正确 …); normalised. */
export const RowIdNumber = z
  .string('请填写身份证号码')
  .superRefine((v, ctx) => {
    const r = validateIdCard(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
  })
  .transform(normalizeIdNumber);

/** 姓名: 1–64 characters (Chinese names may carry a middle dot: 阿依古丽·买买提). */
export const RowPersonName = z
  .string('请填写姓名')
  .trim()
  .min(1, '请填写姓名')
  .max(64, '姓名过长')
  .regex(/^[\u3400-\u9fffA-Za-z·•.\s]+$/, '姓名只能包含汉字、字母和间隔号');

/** A calendar date 'YYYY-MM-DD'. */
export function dateField(what: string) {
  return z.string(`请填写${what}`).refine(isIsoDate, `${what}不是有效日期（格式YYYY-MM-DD）`);
}

/** Integer fen, > 0 (a wage). */
export function wageFenField(what: string) {
  return z
    .int(`${what}须为金额`)
    .min(1, `${what}须大于0`)
    .max(100_000_000, `${what}超出合理范围`);
}

/** A code of a table, with "X代码无效". */
export function codeField<E extends CodeEntry>(table: CodeTable<E>, what: string) {
  return z.enum(table.codes as unknown as readonly [E['code'], ...E['code'][]], `${what}无效，请从下拉列表中选择`);
}

/** An optional code: blank → undefined. */
export function optionalCodeField<E extends CodeEntry>(table: CodeTable<E>, what: string) {
  return z.preprocess((v) => (v === '' || v === null ? undefined : v), codeField(table, what).optional());
}

/** 参保险种: one or more of 养老 / 失业 / 工伤, without duplicates. */
export const UnitInsuranceTypesField = z
  .array(z.enum(UNIT_INSURANCE_TYPES, '险种须为养老、失业或工伤保险'), '请选择险种')
  .min(1, '请至少选择一个险种')
  .refine((a) => new Set(a).size === a.length, '险种重复');

function checked(check: (v: string) => { ok: boolean; value: string; reason?: string }, fallback: string) {
  return z
    .string()
    .superRefine((v, ctx) => {
      const r = check(v);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason ?? fallback });
    })
    .transform((v) => check(v).value);
}

export const MobileField = checked(checkMobile, '手机号码格式不正确');
export const ContactPhoneField = checked(checkContactPhone, '联系电话格式不正确');
export const PostalCodeField = checked(checkPostalCode, '邮政编码应为6位数字');
export const EmailField = checked(checkEmail, '电子邮箱格式不正确');
export const BankAccountField = checked(checkBankAccount, '银行账号格式不正确');

/** Optional variants: blank → undefined. */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v === null ? undefined : v), schema.optional());
}
