import { IdNumberSchema, MobileSchema } from '@shebao/shared'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { toAppError } from '../src/http/error-handler.ts'
import { AppError, errorBody, errorCatalogue, fieldLabel } from '../src/http/errors.ts'

/** What koa's ctx.throw / http-errors produce. */
const createError = (status: number) => Object.assign(new Error(`http ${status}`), { status, expose: status < 500 })

describe('error catalogue', () => {
  it('maps every code to a 4xx/5xx status and a Chinese message', () => {
    for (const [code, def] of Object.entries(errorCatalogue)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/)
      expect(def.status).toBeGreaterThanOrEqual(400)
      expect(def.status).toBeLessThan(600)
      expect(def.message, code).toMatch(/[\u4e00-\u9fff]/)
    }
    expect(errorCatalogue.NOT_FOUND).toEqual({ status: 404, message: '记录不存在' })
    expect(errorCatalogue.RATE_LIMITED).toEqual({ status: 429, message: '操作过于频繁，请稍后再试' })
    expect(errorCatalogue.INTERNAL).toEqual({ status: 500, message: '系统繁忙，请稍后再试' })
  })

  it('AppError renders {field} and {detail}, or appends the detail', () => {
    const v = new AppError('VALIDATION_FAILED', { field: 'idNumber', detail: '校验位不正确' })
    expect(v).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', field: 'idNumber', message: '请求参数有误：证件号码校验位不正确' })
    expect(new AppError('CONFLICT', { detail: '该人员已有在办业务' }).message).toBe('数据已发生变化，请刷新后重试：该人员已有在办业务')
    expect(new AppError('NOT_FOUND').message).toBe('记录不存在')
    expect(new AppError('FORBIDDEN', { message: '仅单位经办人可操作' }).message).toBe('仅单位经办人可操作')
    expect(new AppError('VALIDATION_FAILED').message).toBe('请求参数有误')
  })

  it('errorBody carries code, message, field and requestId only', () => {
    const err = new AppError('VALIDATION_FAILED', { field: 'phone', detail: '格式不正确', cause: new Error('internal') })
    expect(errorBody(err, 'req-1')).toEqual({ error: { code: 'VALIDATION_FAILED', message: '请求参数有误：手机号码格式不正确', field: 'phone', requestId: 'req-1' } })
  })

  it('labels field paths in Chinese, with list positions', () => {
    expect(fieldLabel('idNumber')).toBe('证件号码')
    expect(fieldLabel('staff.2.phone')).toBe('第3项手机号码')
    expect(fieldLabel(['rows', 0, 'amount'])).toBe('第1项金额')
    expect(fieldLabel('somethingElse')).toBe('somethingElse')
  })
})

describe('toAppError', () => {
  it('keeps AppErrors as they are', () => {
    const e = new AppError('CONFLICT')
    expect(toAppError(e)).toBe(e)
  })

  it('maps zod errors to VALIDATION_FAILED naming the first field in Chinese', () => {
    const schema = z.object({ idNumber: IdNumberSchema, phone: MobileSchema, amount: z.number().int().min(0), items: z.array(z.object({ name: z.string().min(1) })) })
    const r = schema.safeParse({ idNumber: '110105194912310021', phone: '123', amount: -1, items: [{ name: '' }] })
    expect(r.success).toBe(false)
    const e = toAppError(r.error)
    expect(e.status).toBe(400)
    expect(e.code).toBe('VALIDATION_FAILED')
    expect(e.field).toBe('idNumber')
    expect(e.message).toMatch(/^请求参数有误：/)
    expect(e.message).toMatch(/[\u4e00-\u9fff]{2,}/)
    const issues = (e.meta as { issues: Array<{ field: string; message: string }> }).issues
    expect(issues.map((i) => i.field)).toEqual(['idNumber', 'phone', 'amount', 'items.0.name'])
    expect(issues[2]!.message).toBe('金额不能小于0')
    expect(issues[3]!.message).toBe('第1项姓名不能为空')
  })

  it('says "不能为空" for a missing field and handles root-level issues', () => {
    const e = toAppError(z.object({ period: z.number() }).safeParse({}).error)
    expect(e.message).toBe('请求参数有误：所属期不能为空')
    const root = toAppError(z.object({ a: z.string() }).safeParse('x').error)
    expect(root.field).toBeUndefined()
    expect(root.message).toBe('请求参数有误：类型不正确')
  })

  it('never glues an unlabelled field key to a Chinese reason', () => {
    // a field the label catalogue does not know, whose schema message names it in Chinese
    const coded = toAppError(z.object({ qzxStatus: z.enum(['A', 'B'], '参保状态代码无效') }).safeParse({ qzxStatus: 'X' }).error)
    expect(coded.message).toBe('请求参数有误：参保状态代码无效')
    // … and with a generic reason: the key quoted, not run into the words
    const generic = toAppError(z.object({ qzxLimit: z.number().max(5) }).safeParse({ qzxLimit: 9 }).error)
    expect(generic.message).toBe('请求参数有误：参数“qzxLimit”不能大于5')
  })

  it('maps body-parser and http errors', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large' })
    expect(toAppError(tooLarge)).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' })
    const badJson = Object.assign(new SyntaxError('Unexpected token'), { status: 400 })
    expect(toAppError(badJson)).toMatchObject({ status: 400, code: 'BAD_REQUEST', message: '请求格式有误：请求体不是有效的 JSON' })
    expect(toAppError(Object.assign(new Error('x'), { status: 415, type: 'encoding.unsupported' }))).toMatchObject({ status: 415 })
    expect(toAppError(createError(404))).toMatchObject({ status: 404, code: 'NOT_FOUND', message: '记录不存在' })
    expect(toAppError(createError(405))).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' })
    expect(toAppError(createError(418))).toMatchObject({ status: 400, code: 'BAD_REQUEST' })
  })

  it('maps Prisma errors by code (duck-typed)', () => {
    const known = (code: string) => Object.assign(new Error('prisma says'), { name: 'PrismaClientKnownRequestError', code })
    expect(toAppError(known('P2002'))).toMatchObject({ status: 409, code: 'CONFLICT' })
    expect(toAppError(known('P2025'))).toMatchObject({ status: 404, code: 'NOT_FOUND' })
    expect(toAppError(known('P2024'))).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' })
    expect(toAppError(known('P2010'))).toMatchObject({ status: 500, code: 'INTERNAL' })
    const init = Object.assign(new Error('cannot connect'), { name: 'PrismaClientInitializationError' })
    expect(toAppError(init)).toMatchObject({ status: 503 })
  })

  it('turns anything else into INTERNAL without exposing it', () => {
    const boom = new Error('secret table t_person 110105194912310021')
    const e = toAppError(boom)
    expect(e).toMatchObject({ status: 500, code: 'INTERNAL', message: '系统繁忙，请稍后再试' })
    expect(e.cause).toBe(boom)
    expect(JSON.stringify(errorBody(e, 'r'))).not.toContain('secret')
    expect(toAppError('a string')).toMatchObject({ status: 500 })
    expect(toAppError(undefined)).toMatchObject({ status: 500 })
  })
})
