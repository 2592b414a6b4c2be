// @vitest-environment jsdom
// The phone's pages of issue 3, with real NutUI components and the API client replaced at the module boundary:
// 登录确认 (who is asking, only the authorised units, a unit must be chosen, confirm/cancel, errors that say what
// to do), 开通电子社保卡 (name + ID → masked phone and resend countdown → code → PIN twice, the server's word on
// weak PINs), 我的 → 电子社保卡 (masked, the eye reveals and hides), and the unit web hall (header, clerks).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { buildIdNumber, type CardResponse, type ScanLoginTicketResponse, type SessionTokens, type UnitClerksResponse } from '@shebao/shared'

const api = vi.hoisted(() => ({ post: vi.fn(), get: vi.fn() }))
vi.mock('../src/services/api', async (importOriginal) => {
  const actual: any = await importOriginal()
  return { ApiError: actual.ApiError, api, LOGIN_PAGE: '/pages/login/index' }
})
const nav = vi.hoisted(() => ({
  params: {} as Record<string, string>,
  navigateTo: vi.fn(),
  redirectTo: vi.fn(),
  switchTab: vi.fn(),
  navigateBack: vi.fn(),
  reLaunch: vi.fn()
}))
vi.mock('@tarojs/taro', async (importOriginal) => {
  const actual: any = await importOriginal()
  const fns = {
    navigateTo: nav.navigateTo,
    redirectTo: nav.redirectTo,
    switchTab: nav.switchTab,
    navigateBack: nav.navigateBack,
    reLaunch: nav.reLaunch,
    getCurrentPages: () => [{ route: 'pkg-auth/pages/confirm/index' }],
    useRouter: () => ({ params: nav.params, path: '' })
  }
  return { ...actual, ...fns, default: { ...actual.default, ...fns } }
})

import ConfirmLogin from '../src/pkg-auth/pages/confirm/index'
import Activate from '../src/pkg-auth/pages/activate/index'
import EsscCard from '../src/pages/mine/EsscCard'
import UnitHall from '../src/pkg-unit/pages/hall/index'
import { ApiError } from '../src/services/api'
import { getUser, resetSessionMemoryForTests, startSession } from '../src/services/session'

beforeEach(() => {
  localStorage.clear()
  resetSessionMemoryForTests()
  api.post.mockReset()
  api.get.mockReset()
  for (const f of [nav.navigateTo, nav.redirectTo, nav.switchTab, nav.navigateBack, nav.reLaunch]) f.mockReset()
  nav.params = {}
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: 375 })
})
afterEach(cleanup)

const signInPerson = () => startSession({ accessToken: 'a', refreshToken: 'r' }, { id: 'p7', role: 'PERSON', name: '王**' })

function type(name: string, value: string) {
  const el = document.querySelector(`[name="${name}"]`) as HTMLElement
  expect(el, name).toBeTruthy()
  act(() => {
    el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
  })
}
const click = async (text: string) => {
  await act(async () => {
    fireEvent.click(screen.getByText(text))
  })
}
const flush = () => act(async () => {})

const TICKET = '0b6f5a0e-3c1d-4e7a-9f2b-8d6c5e4a3b21'
const scanned: ScanLoginTicketResponse = {
  ticketId: TICKET,
  target: 'UNIT',
  state: 'SCANNED',
  version: 1,
  expiresAt: '2026-11-23T10:02:00.000Z',
  requester: { browser: 'Chrome 126', os: 'Windows 10', ip: '10.1.2.3', createdAt: '2026-11-23T10:00:00.000Z' },
  system: '掌上社保网上服务大厅',
  units: [
    { id: 11, unitNo: '42050000011', name: '宜昌甲有限公司' },
    { id: 12, unitNo: '42050000012', name: '宜昌乙有限公司' }
  ]
}

describe('登录确认 (phone)', () => {
  it('signed out: sends the person to sign in once and waits', () => {
    nav.params = { ticket: TICKET }
    render(<ConfirmLogin />)
    expect(screen.getByText('请先登录电子社保卡')).toBeTruthy()
    expect(nav.navigateTo).toHaveBeenCalledTimes(1)
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' })
    expect(api.post).not.toHaveBeenCalled()
  })

  it('shows who is asking and only the units the server returned; a unit must be chosen; confirm sends it', async () => {
    signInPerson()
    nav.params = { code: 'K7M2X9PQ' }
    api.post.mockResolvedValueOnce(scanned)
    render(<ConfirmLogin />)
    await flush()
    expect(api.post).toHaveBeenCalledWith('/api/auth/login-tickets/scan', { shortCode: 'K7M2X9PQ' }, { toast: false })
    expect(screen.getByText('掌上社保网上服务大厅')).toBeTruthy()
    expect(screen.getByText('Chrome 126')).toBeTruthy()
    expect(screen.getByText('Windows 10')).toBeTruthy()
    expect(screen.getByText('10.1.2.3')).toBeTruthy()
    expect(screen.getByText('2026-11-23 18:00:00')).toBeTruthy() // Asia/Shanghai
    expect(Array.from(document.querySelectorAll('.cfm__unit-name')).map((e) => e.textContent)).toEqual(['宜昌甲有限公司', '宜昌乙有限公司'])

    await click('确认登录')
    expect(screen.getByText('请选择要登录的单位')).toBeTruthy()
    expect(api.post).toHaveBeenCalledTimes(1)

    await click('宜昌乙有限公司')
    api.post.mockResolvedValueOnce({ ...scanned, state: 'CONFIRMED', version: 2 })
    await click('确认登录')
    expect(api.post).toHaveBeenLastCalledWith(`/api/auth/login-tickets/${TICKET}/confirm`, { unitId: 12 }, { toast: false })
    expect(screen.getByText('已确认登录')).toBeTruthy()
    expect(screen.getByText(/已以“宜昌乙有限公司”经办人身份登录/)).toBeTruthy()
  })

  it('个人登录: no unit list; 取消 cancels the ticket', async () => {
    signInPerson()
    nav.params = { ticket: TICKET }
    api.post.mockResolvedValueOnce({ ...scanned, target: 'PERSON', units: [] })
    render(<ConfirmLogin />)
    await flush()
    expect(api.post).toHaveBeenCalledWith('/api/auth/login-tickets/scan', { ticketId: TICKET }, { toast: false })
    expect(screen.getAllByText('个人登录').length).toBeGreaterThan(0)
    expect(document.querySelector('.cfm__units')).toBeNull()
    api.post.mockResolvedValueOnce({ ...scanned, state: 'CANCELLED', version: 2 })
    await click('取消登录')
    expect(api.post).toHaveBeenLastCalledWith(`/api/auth/login-tickets/${TICKET}/cancel`, undefined, { toast: false })
    expect(screen.getByText('已取消登录')).toBeTruthy()
  })

  it('errors say what to do: an expired QR, a person who is no clerk', async () => {
    signInPerson()
    nav.params = { ticket: TICKET }
    api.post.mockRejectedValueOnce(new ApiError(410, 'LOGIN_TICKET_EXPIRED', '二维码已过期'))
    render(<ConfirmLogin />)
    await flush()
    expect(screen.getByText('二维码已过期，请在电脑上刷新二维码后重新扫码')).toBeTruthy()
    cleanup()

    api.post.mockRejectedValueOnce(new ApiError(403, 'NOT_A_CLERK', '您不是任何单位的授权经办人，不能进行单位登录'))
    render(<ConfirmLogin />)
    await flush()
    expect(screen.getByText('您不是任何单位的授权经办人，不能进行单位登录')).toBeTruthy()
    await click('重新扫码')
    expect(nav.redirectTo).toHaveBeenCalledWith({ url: '/pkg-auth/pages/scan/index?purpose=login' })
  })
})

describe('开通电子社保卡', () => {
  it('walks through identity check, SMS code and PIN; shows the server’s reason for a weak PIN; signs in', async () => {
    render(<Activate />)
    await click('获取短信验证码')
    expect(screen.getByText('请输入姓名')).toBeTruthy()
    expect(screen.getByText('请输入证件号码')).toBeTruthy()
    expect(api.post).not.toHaveBeenCalled()

    // a wrong name/ID pair: the server's words, on the page
    type('name', '王晓明')
    type('idNumber', buildIdNumber('420502', '1986-04-12', 77))
    api.post.mockRejectedValueOnce(new ApiError(400, 'ACTIVATION_MISMATCH', '姓名与证件号码不匹配，或该电子社保卡无需开通'))
    await click('获取短信验证码')
    expect(screen.getByText('姓名与证件号码不匹配，或该电子社保卡无需开通')).toBeTruthy()

    api.post.mockResolvedValueOnce({ challengeId: 'c1', phoneMasked: '139****5678', expiresInSeconds: 300, maxAttempts: 5 })
    await click('获取短信验证码')
    expect(document.querySelector('[data-step="2"]')).toBeTruthy()
    expect(screen.getByText('139****5678')).toBeTruthy()
    expect(screen.getByText('60 秒后重发')).toBeTruthy()

    type('smsCode', '12345')
    await click('下一步')
    expect(screen.getByText('验证码为 6 位数字')).toBeTruthy()
    type('smsCode', '123456')
    api.post.mockRejectedValueOnce(new ApiError(400, 'SMS_CODE_INCORRECT', '验证码错误，还可尝试4次', 'smsCode'))
    await click('下一步')
    expect(screen.getByText('验证码错误，还可尝试4次')).toBeTruthy()
    api.post.mockResolvedValueOnce({ activationToken: 'tok', expiresInSeconds: 600 })
    await click('下一步')
    expect(api.post).toHaveBeenLastCalledWith('/api/auth/essc/activation/verify', { challengeId: 'c1', smsCode: '123456' }, expect.objectContaining({ auth: false }))
    expect(document.querySelector('[data-step="3"]')).toBeTruthy()

    type('pin', '258147')
    type('pinAgain', '258148')
    await click('完成开通')
    expect(screen.getByText('两次输入的密码不一致')).toBeTruthy()

    type('pin', '860412')
    type('pinAgain', '860412')
    api.post.mockRejectedValueOnce(new ApiError(400, 'PIN_WEAK', '电子社保卡密码过于简单：密码不能使用出生日期，请重新设置', 'pin'))
    await click('完成开通')
    expect(screen.getByText('电子社保卡密码过于简单：密码不能使用出生日期，请重新设置')).toBeTruthy()

    const tokens = { accessToken: 'at', refreshToken: 'rt', role: 'PERSON', user: { role: 'PERSON', person: { id: 5, name: '王**', idNumber: '420***********1234' } } } as SessionTokens
    api.post.mockResolvedValueOnce(tokens)
    type('pin', '258147')
    type('pinAgain', '258147')
    await click('完成开通')
    expect(api.post).toHaveBeenLastCalledWith('/api/auth/essc/activation/complete', { activationToken: 'tok', pin: '258147' }, expect.objectContaining({ auth: false }))
    expect(getUser()).toEqual({ id: 'p5', role: 'PERSON', name: '王**' })
  })
})

describe('我的 → 电子社保卡', () => {
  const masked: CardResponse = {
    cardNo: 'T123****4567',
    issueLevel: '省级',
    status: 'ACTIVE',
    issuer: 'local',
    activatedAt: '2026-11-01T00:00:00.000Z',
    holder: { name: '王**', idNumber: '420***********1234' },
    revealed: false
  }
  const full: CardResponse = { ...masked, cardNo: 'T12345674567', holder: { name: '王晓明', idNumber: '420502198604121234' }, revealed: true }

  it('is masked by default; the eye shows the owner’s card in full and hides it again', async () => {
    signInPerson()
    api.get.mockResolvedValueOnce(masked)
    render(<EsscCard />)
    await flush()
    expect(api.get).toHaveBeenCalledWith('/api/me/card', { toast: false })
    expect(screen.getByText('王**')).toBeTruthy()
    expect(screen.getByText('T123 **** 4567')).toBeTruthy()
    expect(screen.getByText('420***********1234')).toBeTruthy()
    expect(screen.getByText('已开通')).toBeTruthy()

    api.get.mockResolvedValueOnce(full)
    await click('显示')
    expect(api.get).toHaveBeenLastCalledWith('/api/me/card', { query: { reveal: 1 }, toast: false })
    expect(screen.getByText('王晓明')).toBeTruthy()
    expect(screen.getByText('420502198604121234')).toBeTruthy()
    await click('隐藏')
    expect(screen.getByText('王**')).toBeTruthy()
    expect(screen.queryByText('420502198604121234')).toBeNull()
    expect(api.get).toHaveBeenCalledTimes(2)

    await click('修改电子社保卡密码')
    expect(nav.navigateTo).toHaveBeenCalledWith({ url: '/pkg-auth/pages/change-pin/index' })
  })

  it('is not shown to a unit session (the card belongs to a person)', () => {
    startSession({ accessToken: 'a', refreshToken: 'r' }, { id: 'p7', role: 'UNIT', name: '王**', unitName: '宜昌甲有限公司' })
    const { container } = render(<EsscCard />)
    expect(container.innerHTML).toBe('')
    expect(api.get).not.toHaveBeenCalled()
  })
})

describe('单位网上服务大厅', () => {
  const clerks: UnitClerksResponse = {
    unit: { id: 12, unitNo: '42050000012', name: '宜昌乙有限公司' },
    items: [
      { id: 1, name: '王**', idNumber: '420***********1234', phone: '139****5678', department: '综合办公室', authorizedAt: '2026-03-01T00:00:00.000Z', isMe: true },
      { id: 2, name: '李**', idNumber: '420***********0397', phone: '139****3405', department: null, authorizedAt: '2026-03-02T00:00:00.000Z', isMe: false }
    ]
  }

  it('shows the unit, the clerk and the unit’s authorised clerks (masked)', async () => {
    startSession({ accessToken: 'a', refreshToken: 'r' }, { id: 'p7', role: 'UNIT', name: '王**', unitName: '宜昌乙有限公司' })
    api.get.mockResolvedValueOnce(clerks)
    render(<UnitHall />)
    await flush()
    expect(api.get).toHaveBeenCalledWith('/api/unit/clerks', { toast: false })
    expect(document.querySelector('.hall__unit-name')?.textContent).toBe('宜昌乙有限公司')
    expect(screen.getByText('单位编号 42050000012')).toBeTruthy()
    expect(screen.getByText('经办人 王**')).toBeTruthy()
    const rows = Array.from(document.querySelectorAll('.hall__clerk-row'))
    expect(rows.map((r) => r.getAttribute('data-me'))).toEqual(['true', 'false'])
    expect(rows[0]!.textContent).toContain('本人')
    expect(rows[1]!.textContent).toContain('—') // no department
    expect(screen.getByText('共 2 人')).toBeTruthy()

    api.post.mockResolvedValueOnce({ signedOut: true })
    await click('退出登录')
    expect(api.post).toHaveBeenCalledWith('/api/auth/logout', undefined, { toast: false })
    expect(getUser()).toBeNull()
    expect(nav.reLaunch).toHaveBeenCalledWith({ url: '/pkg-auth/pages/qr-login/index?target=UNIT' })
  })

  it('without a unit session it asks for 单位登录', async () => {
    signInPerson()
    render(<UnitHall />)
    expect(screen.getByText('请单位经办人使用掌上社保扫码登录（单位登录）后办理单位业务。')).toBeTruthy()
    expect(api.get).not.toHaveBeenCalled()
    await click('单位登录')
    expect(nav.redirectTo).toHaveBeenCalledWith({ url: '/pkg-auth/pages/qr-login/index?target=UNIT' })
  })
})
