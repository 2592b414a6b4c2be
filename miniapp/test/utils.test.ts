import { describe, expect, it, vi } from 'vitest'

vi.mock('@tarojs/taro', () => ({ default: { navigateTo: vi.fn() } }))
vi.mock('../src/services/toast', () => ({ toastText: vi.fn() }))

import { authCodeProblem, formatAuthCode, normalizeAuthCode } from '../src/utils/authCode'
import { queryParams } from '../src/utils/scanned'

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
