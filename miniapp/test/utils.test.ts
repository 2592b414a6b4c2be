import { describe, expect, it, vi } from 'vitest'

vi.mock('@tarojs/taro', () => ({ default: { navigateTo: vi.fn() } }))
vi.mock('../src/services/toast', () => ({ toastText: vi.fn() }))

import { authCodeProblem, formatAuthCode, normalizeAuthCode } from '../src/utils/authCode'
import { queryParams } from '../src/utils/scanned'
import { chineseDate, chineseTime, shanghaiMinute, shanghaiPeriodOf } from '../src/utils/time'
import { newIdempotencyKey } from '../src/services/idempotency'

describe('授权码 entry', () => {
  it('accepts what people type from paper, and prints it in groups of four', () => {
    expect(normalizeAuthCode(' 7k2m-9qxd 4hot b8wz ')).toBe('7K2M9QXD4H0TB8WZ')
    expect(formatAuthCode('7K2M9QXD4H0TB8WZ')).toBe('7K2M 9QXD 4H0T B8WZ')
    expect(authCodeProblem('7k2m 9qxd 4hot b8wz')).toBeNull()
  })
  it('explains what is wrong in Chinese', () => {
    expect(authCodeProblem('')).toBe('请输入证明上的授权码')
    expect(authCodeProblem('  ')).toBe('请输入证明上的授权码')
    expect(authCodeProblem('7K2M 9QXD')).toBe('授权码为 16 位，请核对')
    expect(authCodeProblem('7K2M 9QXD 4H0T B8WU')).toBe('授权码只包含数字和字母，请核对') // U is not Crockford
    expect(authCodeProblem('7K2M 9QXD 4H0T B8W#')).toBe('授权码只包含数字和字母，请核对')
  })
})

describe('queryParams', () => {
  it('reads parameters from hash-router URLs', () => {
    expect(queryParams('https://x.example/#/pkg-verify/pages/index/index?code=ABCD%20EF&t=a.b.c')).toEqual({ code: 'ABCD EF', t: 'a.b.c' })
    expect(queryParams('no query')).toEqual({})
  })
})

describe('instants in Asia/Shanghai', () => {
  it('reads UTC instants as Shanghai wall time, across midnight and the new year', () => {
    expect(shanghaiMinute('2026-11-25T02:03:04.000Z')).toBe('2026-11-25 10:03')
    expect(shanghaiMinute('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30')
    expect(shanghaiMinute(null)).toBe('')
    expect(chineseTime('2024-05-01T02:03:04Z')).toBe('2024年5月1日 10:03')
    expect(chineseTime('2024-04-30T17:05:00Z')).toBe('2024年5月1日 01:05')
    expect(shanghaiPeriodOf('2026-11-30T16:00:00Z')).toBe(202612)
    expect(shanghaiPeriodOf('2026-11-30T15:59:59Z')).toBe(202611)
  })
  it('says calendar dates and instants as Chinese dates', () => {
    expect(chineseDate('2026-11-05')).toBe('2026年11月5日')
    expect(chineseDate('2026-02-28T16:00:00.000Z')).toBe('2026年3月1日')
  })
})

describe('Idempotency-Key', () => {
  it('is a fresh v4-shaped key each time', () => {
    const keys = new Set(Array.from({ length: 50 }, newIdempotencyKey))
    expect(keys.size).toBe(50)
    for (const k of keys) expect(k).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})
