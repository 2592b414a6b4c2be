/**
 * Schema pieces every endpoint shares: the error envelope, paging, and field schemas (money, periods, dates,
 * codes, ID numbers, phones) whose messages are Chinese and name the problem. Field errors reach the user through
 * the BFF's error mapper, which reports the first issue's path as `field`.
 */
import { z } from 'zod';
import { InsuranceTypes, UNIT_INSURANCE_TYPES } from '../codes/insurance';
import type { CodeEntry, CodeTable } from '../codes/table';
import { parseYuanToFen } from '../money';
import { isIsoDate, isPeriod, parsePeriod } from '../period';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../rules';
import { normalizeIdNumber, validateIdCard } from '../validate/id-card';
import { checkMobile, normalizeMobile } from '../validate/contact';
import { validateUscc } from '../validate/uscc';

// ── envelope ────────────────────────────────────────────────────────────────────────────────

/**
 * Every error response: `{ error: { code, message, field?, requestId } }`. `code` is the catalogue code
 * (bff/src/http/errors.ts), `message` Chinese for the user, `field` the input field it is about (dotted path),
 * `requestId` the id in the logs.
 */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string().describe('错误代码, e.g. VALIDATION_FAILED, NOT_FOUND'),
    message: z.string().describe('中文提示'),
    field: z.string().optional().describe('出错的字段'),
    requestId: z.string().describe('请求编号'),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Paging query (`?page=2&pageSize=20`), coerced from query-string text. pageSize ≤ 100. */
export const PageQuery = z.object({
  page: z.coerce.number().int('页码须为整数').min(1, '页码从1开始').default(1),
  pageSize: z.coerce
    .number()
    .int('每页条数须为整数')
    .min(1, '每页至少1条')
    .max(MAX_PAGE_SIZE, `每页最多${MAX_PAGE_SIZE}条`)
    .default(DEFAULT_PAGE_SIZE),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A page of items: `Paged(PersonRow)`. */
export function Paged<T extends z.ZodType>(item: T) {
  return z.object({
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE),
    total: z.number().int().min(0),
    items: z.array(item),
  });
}
export interface Paged<T> {
  page: number;
  pageSize: number;
  total: number;
  items: T[];
}

/** A page object from the rows of one page, the total count and the query. */
export function pageOf<T>(items: T[], total: number, query: PageQuery): Paged<T> {
  return { page: query.page, pageSize: query.pageSize, total, items };
}

/** Rows to skip for a page (for `skip` / OFFSET). */
export function pageOffset(query: PageQuery): number {
  return (query.page - 1) * query.pageSize;
}

// ── field schemas ───────────────────────────────────────────────────────────────────────────

/** Integer fen (the API's money unit): 284480 = 2844.80 元. */
export const FenSchema = z.int('金额须为以分为单位的整数');

/** Non-negative integer fen. */
export const NonNegativeFenSchema = FenSchema.min(0, '金额不能为负数');

/** A yuan amount as typed ("2844.80", "2,844.8", or a number) → integer fen. */
export const YuanInputSchema = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const fen = parseYuanToFen(v);
  if (fen === null) {
    ctx.addIssue({ code: 'custom', message: '金额格式不正确（最多两位小数）' });
    return z.NEVER;
  }
  return fen;
});

/** A period YYYYMM as an integer (JSON bodies). */
export const PeriodSchema = z.int('期号须为YYYYMM格式的整数').refine(isPeriod, '期号须为有效的年月（YYYYMM）');

/** A period from text or number ("202403", "2024-03", 202403) → integer YYYYMM (query strings, forms). */
export const PeriodInputSchema = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const p = parsePeriod(v);
  if (p === null) {
    ctx.addIssue({ code: 'custom', message: '期号须为有效的年月（YYYYMM）' });
    return z.NEVER;
  }
  return p;
});

/** A calendar date 'YYYY-MM-DD'. */
export const IsoDateSchema = z.string().refine(isIsoDate, '日期格式须为YYYY-MM-DD');

/** An instant as ISO 8601 text with offset (what JSON carries for timestamps). */
export const InstantSchema = z.iso.datetime({ offset: true, message: '时间格式不正确' });

/** zod enum of a code table, with a Chinese message. */
export function codeSchema<E extends CodeEntry>(table: CodeTable<E>, what: string) {
  return z.enum(table.codes as unknown as readonly [E['code'], ...E['code'][]], `${what}代码无效`);
}

export const InsuranceTypeSchema = codeSchema(InsuranceTypes, '险种');
export const UnitInsuranceTypeSchema = z.enum(UNIT_INSURANCE_TYPES, '险种须为养老、失业或工伤保险');

/** 居民身份证号码 → normalised (upper-case X); the message says what is wrong. */
export const IdNumberSchema = z
  .string('请输入身份证号码')
  .superRefine((v, ctx) => {
    const r = validateIdCard(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
  })
  .transform(normalizeIdNumber);

/** Mobile number → 11 digits. */
export const MobileSchema = z
  .string('请输入手机号码')
  .superRefine((v, ctx) => {
    const r = checkMobile(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason ?? '手机号码格式不正确' });
  })
  .transform(normalizeMobile);

/**
 * 统一社会信用代码 → normalised. Malformed codes fail; a checksum mismatch fails too unless the request says the
 * clerk confirmed it — endpoints that allow the override use `UsccInputSchema` with `checksumOverride`.
 */
export const UsccSchema = z
  .string('请输入统一社会信用代码')
  .superRefine((v, ctx) => {
    const r = validateUscc(v);
    if (!r.ok || !r.checksumOk) ctx.addIssue({ code: 'custom', message: r.reason ?? '统一社会信用代码无效' });
  })
  .transform((v) => validateUscc(v).code);

/** { code, checksumOverride? }: a malformed code fails; a checksum mismatch passes only with the override. */
export const UsccInputSchema = z
  .object({ code: z.string('请输入统一社会信用代码'), checksumOverride: z.boolean().optional() })
  .superRefine((v, ctx) => {
    const r = validateUscc(v.code);
    if (!r.ok || (!r.checksumOk && !v.checksumOverride)) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: r.reason ?? '统一社会信用代码无效' });
    }
  })
  .transform((v) => ({ code: validateUscc(v.code).code, checksumOverride: v.checksumOverride === true }));
