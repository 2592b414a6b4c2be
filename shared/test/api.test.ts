import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  apiRoutes,
  authAllows,
  codeSchema,
  defineRoute,
  ErrorBody,
  FenSchema,
  findDuplicateRoutes,
  HealthResponse,
  IdNumberSchema,
  InsuranceTypeSchema,
  IsoDateSchema,
  MobileSchema,
  Paged,
  PageQuery,
  pageOffset,
  pageOf,
  pathParams,
  PeriodInputSchema,
  PeriodSchema,
  ReadyResponse,
  StopReasons,
  systemRoutes,
  toOpenApiPath,
  UnitInsuranceTypeSchema,
  UsccInputSchema,
  UsccSchema,
  YuanInputSchema,
  type RouteBody,
  type RouteResponse,
} from '../src/index';

const firstMessage = (r: { success: boolean; error?: z.ZodError }) => r.error?.issues[0]?.message;

describe('envelope', () => {
  it('ErrorBody', () => {
    expect(ErrorBody.parse({ error: { code: 'NOT_FOUND', message: '未找到', requestId: 'r1' } })).toBeTruthy();
    expect(ErrorBody.parse({ error: { code: 'VALIDATION_FAILED', message: '手机号码格式不正确', field: 'phone', requestId: 'r2' } }).error.field).toBe('phone');
    expect(ErrorBody.safeParse({ error: { code: 'X', message: 'y' } }).success).toBe(false);
  });

  it('health and ready', () => {
    expect(HealthResponse.parse({ status: 'ok', time: '2024-03-01T00:00:00.000Z' }).status).toBe('ok');
    expect(HealthResponse.safeParse({ status: 'down', time: 'x' }).success).toBe(false);
    expect(ReadyResponse.parse({ status: 'not_ready', checks: { database: { ok: false, error: 'timeout' } } }).checks.database?.ok).toBe(false);
  });

  it('paging: coerces query strings, caps pageSize at 100', () => {
    expect(PageQuery.parse({})).toEqual({ page: 1, pageSize: 20 });
    expect(PageQuery.parse({ page: '3', pageSize: '50' })).toEqual({ page: 3, pageSize: 50 });
    const tooBig = PageQuery.safeParse({ pageSize: '101' });
    expect(tooBig.success).toBe(false);
    expect(firstMessage(tooBig)).toBe('每页最多100条');
    expect(PageQuery.safeParse({ page: '0' }).success).toBe(false);
    expect(PageQuery.safeParse({ page: 'x' }).success).toBe(false);
    const q = PageQuery.parse({ page: '3', pageSize: '20' });
    expect(pageOffset(q)).toBe(40);
    const PagedNames = Paged(z.object({ name: z.string() }));
    const page = pageOf([{ name: '张*' }], 41, q);
    expect(PagedNames.parse(page)).toEqual({ page: 3, pageSize: 20, total: 41, items: [{ name: '张*' }] });
    expect(PagedNames.safeParse({ ...page, pageSize: 200 }).success).toBe(false);
    expect(PagedNames.safeParse({ ...page, items: [{ name: 1 }] }).success).toBe(false);
  });
});

describe('field schemas', () => {
  it('money', () => {
    expect(FenSchema.parse(284480)).toBe(284480);
    expect(FenSchema.safeParse(2844.8).success).toBe(false);
    expect(YuanInputSchema.parse('2,844.80')).toBe(284480);
    expect(YuanInputSchema.parse(17776)).toBe(1777600);
    const bad = YuanInputSchema.safeParse('1.234');
    expect(firstMessage(bad)).toBe('金额格式不正确（最多两位小数）');
  });

  it('periods and dates', () => {
    expect(PeriodSchema.parse(202403)).toBe(202403);
    expect(firstMessage(PeriodSchema.safeParse(202413))).toBe('期号须为有效的年月（YYYYMM）');
    expect(PeriodInputSchema.parse('2024-03')).toBe(202403);
    expect(PeriodInputSchema.safeParse('2024-13').success).toBe(false);
    expect(IsoDateSchema.parse('2024-02-29')).toBe('2024-02-29');
    expect(firstMessage(IsoDateSchema.safeParse('2023-02-29'))).toBe('日期格式须为YYYY-MM-DD');
  });

  it('codes', () => {
    expect(InsuranceTypeSchema.parse('PENSION')).toBe('PENSION');
    expect(firstMessage(InsuranceTypeSchema.safeParse('MEDICAL'))).toBe('险种代码无效');
    expect(UnitInsuranceTypeSchema.safeParse('PUBLIC_PENSION').success).toBe(false);
    const StopReasonSchema = codeSchema(StopReasons, '停保原因');
    expect(StopReasonSchema.parse('09')).toBe('09');
    expect(firstMessage(StopReasonSchema.safeParse('9'))).toBe('停保原因代码无效');
  });

  it('ID number, mobile and credit code carry the validator’s Chinese reason', () => {
    expect(IdNumberSchema.parse('11010519491231002x')).toBe('11010519491231002X');
    expect(firstMessage(IdNumberSchema.safeParse('110105194912310021'))).toBe('身份证号码校验位不正确，请核对');
    expect(firstMessage(IdNumberSchema.safeParse(123))).toBe('请输入身份证号码');
    expect(MobileSchema.parse('138 1234 5678')).toBe('13812345678');
    expect(firstMessage(MobileSchema.safeParse('1381234567'))).toBe('手机号码应为11位');
    expect(UsccSchema.parse('91350100m000100y43')).toBe('91350100M000100Y43');
    expect(UsccSchema.safeParse('91350100M000100Y44').success).toBe(false);
    expect(UsccInputSchema.safeParse({ code: '91350100M000100Y44' }).success).toBe(false);
    expect(UsccInputSchema.parse({ code: '91350100M000100Y44', checksumOverride: true })).toEqual({ code: '91350100M000100Y44', checksumOverride: true });
    const malformed = UsccInputSchema.safeParse({ code: '91350100M000100I43', checksumOverride: true });
    expect(malformed.success).toBe(false);
    expect(malformed.error?.issues[0]?.path).toEqual(['code']);
  });
});

describe('route registry', () => {
  it('apiRoutes contains the system routes and has no duplicates', () => {
    expect(apiRoutes).toEqual(expect.arrayContaining([...systemRoutes]));
    expect(findDuplicateRoutes(apiRoutes)).toEqual([]);
    for (const r of apiRoutes) {
      expect(r.path.startsWith('/api/')).toBe(true);
      expect(r.summary.length).toBeGreaterThan(0);
    }
  });

  it('finds duplicates regardless of parameter names', () => {
    const a = defineRoute({ method: 'GET', path: '/api/cases/:id', summary: 'a', tag: 'cases', auth: 'any', response: z.object({}) });
    const b = defineRoute({ method: 'GET', path: '/api/cases/:serialNo', summary: 'b', tag: 'cases', auth: 'any', response: z.object({}) });
    const c = defineRoute({ method: 'POST', path: '/api/cases/:id', summary: 'c', tag: 'cases', auth: 'any', response: z.object({}) });
    expect(findDuplicateRoutes([a, b, c])).toEqual(['GET /api/cases/:serialNo']);
  });

  it('paths', () => {
    expect(pathParams('/api/units/:unitId/clerks/:clerkId')).toEqual(['unitId', 'clerkId']);
    expect(toOpenApiPath('/api/units/:unitId/clerks/:clerkId')).toBe('/api/units/{unitId}/clerks/{clerkId}');
  });

  it('auth guard', () => {
    expect(authAllows('none', null)).toBe(true);
    expect(authAllows('any', null)).toBe(false);
    expect(authAllows('any', 'REVIEWER')).toBe(true);
    expect(authAllows('person', 'PERSON')).toBe(true);
    expect(authAllows('person', 'UNIT')).toBe(false);
    expect(authAllows('unit', 'UNIT')).toBe(true);
    expect(authAllows('reviewer', 'PERSON')).toBe(false);
    expect(authAllows('reviewer', undefined)).toBe(false);
  });

  it('route helper types follow the schemas', () => {
    const route = defineRoute({
      method: 'POST',
      path: '/api/demo',
      summary: 'demo',
      tag: 'demo',
      auth: 'unit',
      request: { body: z.object({ amount: YuanInputSchema }) },
      response: z.object({ fen: FenSchema }),
      idempotent: true,
    });
    const body: RouteBody<typeof route> = { amount: '12.30' };
    const res: RouteResponse<typeof route> = { fen: 1230 };
    expect(route.request.body.parse(body)).toEqual({ amount: 1230 });
    expect(route.response.parse(res)).toEqual(res);
  });
});
