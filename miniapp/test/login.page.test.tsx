// @vitest-environment jsdom
// 电子社保卡登录: checks input with @shebao/shared's validators before calling the API, on success keeps the
// session and leaves the sign-in pages, shows the server's answer (wrong PIN, lockout) on the page; in the PC web
// hall (desktop width) it offers 扫码登录 for 个人 / 单位 first. The API client is replaced at the module boundary.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { buildIdNumber, type SessionTokens } from '@shebao/shared'

const post = vi.hoisted(() => vi.fn())
vi.mock('../src/services/api', async (importOriginal) => {
  const actual: any = await importOriginal()
  return { ApiError: actual.ApiError, api: { post }, LOGIN_PAGE: '/pages/login/index' }
})
// no Taro router in a component test: record where the page goes
const nav = vi.hoisted(() => ({ switchTab: vi.fn(), navigateBack: vi.fn(), navigateTo: vi.fn(), pages: [{ route: 'pages/login/index' }] as { route: string }[] }))
vi.mock('@tarojs/taro', async (importOriginal) => {
  const actual: any = await importOriginal()
  const fns = { switchTab: nav.switchTab, navigateBack: nav.navigateBack, navigateTo: nav.navigateTo, getCurrentPages: () => nav.pages }
  return { ...actual, ...fns, default: { ...actual.default, ...fns } }
})

import Login from '../src/pages/login/index'
import { ApiError } from '../src/services/api'
import { getAccessToken, getUser, resetSessionMemoryForTests } from '../src/services/session'

function setWidth(px: number) {
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: px })
}

beforeEach(() => {
  localStorage.clear()
  resetSessionMemoryForTests()
  post.mockReset()
  nav.switchTab.mockReset()
  nav.navigateBack.mockReset()
  nav.navigateTo.mockReset()
  nav.pages = [{ route: 'pages/login/index' }]
  setWidth(375)
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

const idNumber = buildIdNumber('420106', '1990-01-01', 123)
const tokens = {
  accessToken: 'at',
  tokenType: 'Bearer',
  expiresIn: 900,
  refreshToken: 'rt',
  refreshExpiresAt: '2026-12-01T00:00:00.000Z',
  role: 'PERSON',
  user: { role: 'PERSON', person: { id: 9, name: '张*', idNumber: '420***********0123' } }
} as SessionTokens

describe('登录 page (phone)', () => {
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
    const wrongCheck = idNumber.slice(0, 17) + (idNumber[17] === '0' ? '1' : '0')
    type('idNumber', wrongCheck)
    type('pin', '1234')
    await submit()
    expect(screen.getByText('证件号码有误，请核对')).toBeTruthy()
    expect(screen.getByText('密码为 6 位数字')).toBeTruthy()
    expect(post).not.toHaveBeenCalled()
  })

  it('signs in with a valid ID number and PIN, keeps the session and goes on to 我的', async () => {
    post.mockResolvedValue(tokens)
    render(<Login />)
    type('idNumber', idNumber.toLowerCase())
    type('pin', '135790')
    await submit()
    expect(post).toHaveBeenCalledWith('/api/auth/essc/sign-in', { idNumber, pin: '135790' }, { auth: false, loading: '登录中', toast: false })
    expect(getAccessToken()).toBe('at')
    expect(getUser()).toEqual({ id: 'p9', role: 'PERSON', name: '张*' })
    // opened directly (no page to go back to): on to 我的
    await vi.waitFor(() => expect(nav.switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' }), { timeout: 2000 })
  })

  it('goes back to the page that asked for sign-in, past the activation page', async () => {
    nav.pages = [{ route: 'pkg-auth/pages/confirm/index' }, { route: 'pages/login/index' }, { route: '/pkg-auth/pages/activate/index' }]
    post.mockResolvedValue(tokens)
    render(<Login />)
    type('idNumber', idNumber)
    type('pin', '135790')
    await submit()
    await vi.waitFor(() => expect(nav.navigateBack).toHaveBeenCalledWith({ delta: 2 }), { timeout: 2000 })
    expect(nav.switchTab).not.toHaveBeenCalled()
  })

  it('shows the server’s answer on the page: tries left, then the lockout with its minutes', async () => {
    post.mockRejectedValueOnce(new ApiError(401, 'SIGN_IN_FAILED', '证件号码或密码错误，还可尝试1次'))
    post.mockRejectedValueOnce(new ApiError(423, 'ACCOUNT_LOCKED', '密码错误次数过多，账户已锁定，请15分钟后再试'))
    render(<Login />)
    type('idNumber', idNumber)
    type('pin', '135790')
    await submit()
    expect(screen.getByText('证件号码或密码错误，还可尝试1次')).toBeTruthy()
    // the PIN is cleared for the next try
    expect(document.querySelector('[name="pin"]')?.getAttribute('value')).toBe('')
    type('pin', '135791')
    await submit()
    expect(screen.getByText('密码错误次数过多，账户已锁定，请15分钟后再试')).toBeTruthy()
    expect(screen.queryByText('证件号码或密码错误，还可尝试1次')).toBeNull()
    expect(getAccessToken()).toBeNull()
  })

  it('links to 开通电子社保卡', () => {
    render(<Login />)
    act(() => {
      fireEvent.click(screen.getByText('立即开通'))
    })
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/pkg-auth/pages/activate/index' })
  })
})

describe('登录 page (PC web hall)', () => {
  it('offers 扫码登录 for 个人 and 单位 beside the PIN form', () => {
    setWidth(1366)
    render(<Login />)
    expect(screen.getByText('登录网上服务大厅')).toBeTruthy()
    act(() => {
      fireEvent.click(screen.getByText('单位登录'))
    })
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/pkg-auth/pages/qr-login/index?target=UNIT' })
    act(() => {
      fireEvent.click(screen.getByText('个人登录'))
    })
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/pkg-auth/pages/qr-login/index?target=PERSON' })
    expect(screen.getByText('电子社保卡密码登录（个人）')).toBeTruthy()
  })
})
