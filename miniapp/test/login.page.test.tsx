// @vitest-environment jsdom
// 电子社保卡登录: checks input with @shebao/shared's validators before calling the API, and on success keeps the
// session. The API client is replaced at the module boundary (its own logic is covered by api.test.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, render, screen } from '@testing-library/react'
import { buildIdNumber, type SessionTokens } from '@shebao/shared'

const post = vi.hoisted(() => vi.fn())
vi.mock('../src/services/api', () => ({ api: { post }, LOGIN_PAGE: '/pages/login/index' }))
// no Taro router in a component test: record where the page goes after signing in
const nav = vi.hoisted(() => ({ switchTab: vi.fn(), navigateBack: vi.fn() }))
vi.mock('@tarojs/taro', async (importOriginal) => {
  const actual: any = await importOriginal()
  const Taro = { ...actual.default, getCurrentPages: () => [{ route: 'pages/login/index' }], ...nav }
  return { ...actual, ...nav, default: Taro }
})

import Login from '../src/pages/login/index'
import { getAccessToken, getUser, resetSessionMemoryForTests } from '../src/services/session'

beforeEach(() => {
  localStorage.clear()
  resetSessionMemoryForTests()
  post.mockReset()
  nav.switchTab.mockReset()
})
afterEach(cleanup)

/** Type into a NutUI Input (a Taro web component; in jsdom its React wrapper listens for `input` events). */
function type(name: string, value: string) {
  const el = document.querySelector(`[name="${name}"]`) as HTMLElement & { value?: string }
  expect(el, name).toBeTruthy()
  act(() => {
    el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
  })
}
const submit = async () => {
  await act(async () => {
    screen.getByText('登录', { selector: '.nut-button-children, .nut-button *' }).click()
  })
}

describe('登录 page', () => {
  it('names the missing fields in Chinese and does not call the API', async () => {
    render(<Login />)
    expect(screen.getByText('电子社保卡登录')).toBeTruthy()
    await submit()
    expect(screen.getByText('请输入证件号码')).toBeTruthy()
    expect(screen.getByText('请输入密码')).toBeTruthy()
    expect(post).not.toHaveBeenCalled()
  })

  it('rejects an ID number with a wrong check digit and a short PIN', async () => {
    render(<Login />)
    const valid = buildIdNumber('420106', '1990-01-01', 123)
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0')
    type('idNumber', wrongCheck)
    type('pin', '1234')
    await submit()
    expect(screen.getByText('证件号码有误，请核对')).toBeTruthy()
    expect(screen.getByText('密码为 6 位数字')).toBeTruthy()
    expect(post).not.toHaveBeenCalled()
  })

  it('signs in with a valid ID number and PIN and keeps the session', async () => {
    const idNumber = buildIdNumber('420106', '1990-01-01', 123)
    const tokens: SessionTokens = {
      accessToken: 'at',
      tokenType: 'Bearer',
      expiresIn: 900,
      refreshToken: 'rt',
      refreshExpiresAt: '2026-12-01T00:00:00.000Z',
      role: 'PERSON',
      user: { role: 'PERSON', person: { id: 9, name: '张*', idNumber: '420***********0123' } }
    } as SessionTokens
    post.mockResolvedValue(tokens)
    render(<Login />)
    type('idNumber', idNumber.toLowerCase())
    type('pin', '135790')
    await submit()
    expect(post).toHaveBeenCalledWith('/api/auth/essc/sign-in', { idNumber, pin: '135790' }, { auth: false, loading: '登录中' })
    expect(getAccessToken()).toBe('at')
    expect(getUser()).toEqual({ id: 'p9', role: 'PERSON', name: '张*' })
    // opened directly (no page to go back to): on to 我的
    await vi.waitFor(() => expect(nav.switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' }), { timeout: 2000 })
  })
})
