// Unit test of the API client's own logic (headers, error mapping, token refresh, session end). Taro.request is
// replaced at the module boundary by a scripted fake; the BFF itself is exercised by test/api and test/e2e.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

interface Call {
  url: string
  method: string
  header: Record<string, string>
  data: unknown
}
type Reply = { statusCode: number; data: unknown } | Error
type Handler = (call: Call) => Reply | Promise<Reply>

const h = vi.hoisted(() => {
  const storage = new Map<string, unknown>()
  const state = {
    storage,
    calls: [] as Call[],
    handler: (() => ({ statusCode: 200, data: {} })) as Handler,
    navigations: [] as string[],
    currentRoute: 'pages/index/index'
  }
  const request = async (opts: any) => {
    const call: Call = { url: opts.url, method: opts.method, header: { ...opts.header }, data: opts.data }
    state.calls.push(call)
    const reply = await state.handler(call)
    if (reply instanceof Error) throw reply
    return reply
  }
  const taro = {
    request,
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    removeStorageSync: (k: string) => void storage.delete(k),
    getCurrentPages: () => [{ route: state.currentRoute }],
    navigateTo: async ({ url }: { url: string }) => {
      state.navigations.push(url)
    },
    reLaunch: async ({ url }: { url: string }) => {
      state.navigations.push(url)
    }
  }
  return { state, taro }
})

vi.mock('@tarojs/taro', () => ({ default: h.taro, ...h.taro }))

const toasts = vi.hoisted(() => ({ errors: [] as string[] }))
vi.mock('../src/services/toast', () => ({
  TOAST_ID: 'sb-toast',
  toastError: (m: string) => void toasts.errors.push(m),
  toastSuccess: () => undefined,
  toastText: () => undefined,
  withLoading: <T>(work: Promise<T> | (() => Promise<T>)) => (typeof work === 'function' ? work() : work)
}))

import { api, ApiError, request, LOGIN_PAGE } from '../src/services/api'
import { getAccessToken, getRefreshToken, getUser, resetSessionMemoryForTests, startSession } from '../src/services/session'

const json = (statusCode: number, data: unknown) => ({ statusCode, data })
const errorBody = (code: string, message: string, extra: Record<string, unknown> = {}) => ({ error: { code, message, ...extra } })

function signIn(access = 'at-1', refresh = 'rt-1') {
  startSession({ accessToken: access, refreshToken: refresh }, { id: '42', role: 'PERSON', name: '张*三' })
}

beforeEach(() => {
  h.state.storage.clear()
  h.state.calls.length = 0
  h.state.navigations.length = 0
  h.state.currentRoute = 'pages/index/index'
  toasts.errors.length = 0
  resetSessionMemoryForTests()
})
afterEach(() => vi.useRealTimers())

describe('api client', () => {
  it('sends JSON with the bearer token and resolves with the body', async () => {
    signIn()
    h.state.handler = () => json(200, { items: [1, 2] })
    const body = await api.post<{ items: number[] }>('/api/things', { a: 1 }, { idempotencyKey: 'k-1', query: { page: 2, q: '张 三', skip: undefined } })
    expect(body.items).toEqual([1, 2])
    const [call] = h.state.calls
    expect(call.url).toBe('/api/things?page=2&q=%E5%BC%A0%20%E4%B8%89') // H5: same origin
    expect(call.method).toBe('POST')
    expect(call.header.Authorization).toBe('Bearer at-1')
    expect(call.header['Content-Type']).toBe('application/json')
    expect(call.header['Idempotency-Key']).toBe('k-1')
    expect(call.data).toEqual({ a: 1 })
  })

  it('does not send a token when auth is false or nobody is signed in', async () => {
    h.state.handler = () => json(200, {})
    await api.get('/api/public')
    signIn()
    await api.get('/api/public', { auth: false })
    expect(h.state.calls.map((c) => c.header.Authorization)).toEqual([undefined, undefined])
  })

  it("turns an error body into an ApiError with the server's Chinese message and toasts it", async () => {
    h.state.handler = () => json(400, errorBody('VALIDATION_FAILED', '请求参数有误：证件号码', { field: 'idNumber', requestId: 'r-9' }))
    const err = await api.post('/api/x', {}).catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: '请求参数有误：证件号码', field: 'idNumber', requestId: 'r-9' })
    expect(toasts.errors).toEqual(['请求参数有误：证件号码'])
  })

  it('does not toast when the caller shows errors inline', async () => {
    h.state.handler = () => json(404, errorBody('NOT_FOUND', '记录不存在'))
    await expect(api.get('/api/x', { toast: false })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(toasts.errors).toEqual([])
  })

  it('gives a Chinese message for responses without an error body and for network failures', async () => {
    h.state.handler = () => json(502, '<html>Bad Gateway</html>')
    await expect(api.get('/api/x')).rejects.toMatchObject({ status: 502, message: '服务暂时不可用，请稍后重试' })
    h.state.handler = () => new Error('request:fail')
    await expect(api.get('/api/x')).rejects.toMatchObject({ status: 0, code: 'NETWORK', message: '网络连接失败，请检查网络后重试' })
    expect(toasts.errors).toEqual(['服务暂时不可用，请稍后重试', '网络连接失败，请检查网络后重试'])
  })

  it('refreshes once on TOKEN_EXPIRED, stores the rotated tokens and retries', async () => {
    signIn('old-at', 'old-rt')
    h.state.handler = (c) => {
      if (c.url === '/api/auth/refresh') return json(200, { accessToken: 'new-at', refreshToken: 'new-rt' })
      return c.header.Authorization === 'Bearer new-at' ? json(200, { ok: true }) : json(401, errorBody('TOKEN_EXPIRED', '登录已过期，请重新登录'))
    }
    await expect(api.get<{ ok: boolean }>('/api/me')).resolves.toEqual({ ok: true })
    expect(h.state.calls.map((c) => c.url)).toEqual(['/api/me', '/api/auth/refresh', '/api/me'])
    expect(h.state.calls[1].data).toEqual({ refreshToken: 'old-rt' })
    expect(h.state.calls[1].header.Authorization).toBeUndefined()
    expect(getAccessToken()).toBe('new-at')
    expect(getRefreshToken()).toBe('new-rt')
    expect(toasts.errors).toEqual([])
  })

  it('shares one refresh between concurrent requests', async () => {
    signIn('old-at', 'old-rt')
    let refreshes = 0
    h.state.handler = async (c) => {
      if (c.url === '/api/auth/refresh') {
        refreshes++
        await new Promise((r) => setTimeout(r, 10))
        return json(200, { accessToken: 'new-at', refreshToken: 'new-rt' })
      }
      return c.header.Authorization === 'Bearer new-at' ? json(200, { url: c.url }) : json(401, errorBody('TOKEN_EXPIRED', '登录已过期，请重新登录'))
    }
    const results = await Promise.all([api.get('/api/a'), api.get('/api/b'), api.get('/api/c')])
    expect(results).toEqual([{ url: '/api/a' }, { url: '/api/b' }, { url: '/api/c' }])
    expect(refreshes).toBe(1)
  })

  it('ends the session and goes to login when the refresh is refused', async () => {
    signIn()
    h.state.handler = (c) =>
      c.url === '/api/auth/refresh'
        ? json(401, errorBody('UNAUTHENTICATED', '请先登录'))
        : json(401, errorBody('TOKEN_EXPIRED', '登录已过期，请重新登录'))
    await expect(api.get('/api/me')).rejects.toMatchObject({ status: 401, code: 'SESSION_EXPIRED' })
    expect(h.state.calls.map((c) => c.url)).toEqual(['/api/me', '/api/auth/refresh']) // no second retry
    expect(getAccessToken()).toBeNull()
    expect(getRefreshToken()).toBeNull()
    expect(getUser()).toBeNull()
    expect(h.state.navigations).toEqual([LOGIN_PAGE])
    expect(toasts.errors).toEqual(['登录已过期，请重新登录'])
  })

  it('retries only once: a second 401 after a successful refresh ends the session', async () => {
    signIn()
    h.state.handler = (c) =>
      c.url === '/api/auth/refresh'
        ? json(200, { accessToken: 'new-at', refreshToken: 'new-rt' })
        : json(401, errorBody('TOKEN_EXPIRED', '登录已过期，请重新登录'))
    await expect(api.get('/api/me')).rejects.toMatchObject({ code: 'SESSION_EXPIRED' })
    expect(h.state.calls.map((c) => c.url)).toEqual(['/api/me', '/api/auth/refresh', '/api/me'])
    expect(getAccessToken()).toBeNull()
  })

  it('does not refresh on other 401s; without a refresh token it goes straight to login', async () => {
    signIn()
    h.state.handler = () => json(401, errorBody('UNAUTHENTICATED', '请先登录'))
    await expect(api.get('/api/me')).rejects.toMatchObject({ code: 'SESSION_EXPIRED' })
    expect(h.state.calls.map((c) => c.url)).toEqual(['/api/me'])
    expect(h.state.navigations).toEqual([LOGIN_PAGE])
  })

  it('does not navigate to login again when already there', async () => {
    h.state.currentRoute = 'pages/login/index'
    h.state.handler = () => json(401, errorBody('UNAUTHENTICATED', '请先登录'))
    await expect(request('/api/me')).rejects.toBeInstanceOf(ApiError)
    expect(h.state.navigations).toEqual([])
  })

  it('passes a 401 through as a normal error for auth:false calls (e.g. a wrong PIN at sign-in)', async () => {
    h.state.handler = () => json(401, errorBody('PIN_INCORRECT', '密码错误，还可尝试 4 次'))
    await expect(api.post('/api/auth/x', {}, { auth: false })).rejects.toMatchObject({ code: 'PIN_INCORRECT', message: '密码错误，还可尝试 4 次' })
    expect(h.state.navigations).toEqual([])
  })
})
