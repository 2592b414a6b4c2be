/**
 * The one API client (over Taro.request). JSON in and out; `Authorization: Bearer <access token>`;
 * on 401 TOKEN_EXPIRED it refreshes once (single flight) and retries; errors carry the server's Chinese message
 * (`{ error: { code, message, field, requestId } }`) and are shown as a toast unless the caller opts out.
 */
import Taro from '@tarojs/taro'
import { clearSession, getAccessToken, getRefreshToken, updateTokens, type Tokens } from './session'
import { toastError, withLoading } from './toast'

export const LOGIN_PAGE = '/pages/login/index'

/** H5 is served by the BFF itself: same origin. The mini-program calls the origin fixed at build time. */
export const API_BASE: string = process.env.TARO_ENV === 'h5' ? '' : (process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000')

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface ErrorBody {
  error: { code: string; message: string; field?: string; requestId?: string }
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly field?: string
  readonly requestId?: string
  constructor(status: number, code: string, message: string, field?: string, requestId?: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.field = field
    this.requestId = requestId
  }
}

export interface RequestOptions {
  method?: HttpMethod
  /** JSON body (POST/PUT/PATCH) */
  body?: unknown
  /** Query string parameters; undefined values are dropped. */
  query?: Record<string, string | number | boolean | undefined>
  headers?: Record<string, string>
  /** Send the access token and handle expiry (default true). */
  auth?: boolean
  /** Show the error message as a toast (default true). Callers that show errors inline pass false. */
  toast?: boolean
  /** Show a loading toast with this text while the request runs. */
  loading?: string
  /** For submissions: the server de-duplicates retries with the same key. */
  idempotencyKey?: string
}

const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试'
const SESSION_EXPIRED_MESSAGE = '登录已过期，请重新登录'

function buildUrl(path: string, query?: RequestOptions['query']): string {
  let url = API_BASE + path
  if (query) {
    const qs = Object.entries(query)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join('&')
    if (qs) url += (url.includes('?') ? '&' : '?') + qs
  }
  return url
}

interface RawResponse {
  statusCode: number
  data: unknown
}

async function send(path: string, opts: RequestOptions, token: string | null): Promise<RawResponse> {
  const header: Record<string, string> = { Accept: 'application/json', ...opts.headers }
  if (opts.body !== undefined) header['Content-Type'] = 'application/json'
  if (token) header.Authorization = `Bearer ${token}`
  if (opts.idempotencyKey) header['Idempotency-Key'] = opts.idempotencyKey
  try {
    const res = await Taro.request({
      url: buildUrl(path, opts.query),
      method: opts.method ?? 'GET',
      data: opts.body as any,
      header,
      dataType: 'json',
      timeout: 20000
    })
    return { statusCode: res.statusCode, data: res.data }
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE)
  }
}

function toError(res: RawResponse): ApiError {
  const body = res.data as Partial<ErrorBody> | undefined
  const e = body && typeof body === 'object' ? body.error : undefined
  if (e && typeof e.message === 'string') {
    return new ApiError(res.statusCode, e.code ?? 'UNKNOWN', e.message, e.field, e.requestId)
  }
  return new ApiError(res.statusCode, 'HTTP_' + res.statusCode, res.statusCode >= 500 ? '服务暂时不可用，请稍后重试' : '请求失败，请稍后重试')
}

function errorCode(res: RawResponse): string | undefined {
  const body = res.data as Partial<ErrorBody> | undefined
  return body && typeof body === 'object' ? body.error?.code : undefined
}

let refreshing: Promise<boolean> | null = null

/** POST /api/auth/refresh with the stored refresh token; concurrent callers share one request. */
export function refreshSession(): Promise<boolean> {
  if (!refreshing) {
    refreshing = (async () => {
      const refreshToken = getRefreshToken()
      if (!refreshToken) return false
      try {
        const res = await send('/api/auth/refresh', { method: 'POST', body: { refreshToken } }, null)
        const tokens = res.data as Partial<Tokens> | undefined
        if (res.statusCode >= 200 && res.statusCode < 300 && tokens?.accessToken && tokens.refreshToken) {
          updateTokens({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken })
          return true
        }
        return false
      } catch {
        return false
      }
    })().finally(() => {
      refreshing = null
    })
  }
  return refreshing
}

function goToLogin() {
  const pages = Taro.getCurrentPages()
  const current = pages[pages.length - 1]?.route ?? ''
  if (('/' + current.replace(/^\//, '')).startsWith(LOGIN_PAGE)) return
  Taro.navigateTo({ url: LOGIN_PAGE }).catch(() => Taro.reLaunch({ url: LOGIN_PAGE }))
}

function endSession(): ApiError {
  clearSession()
  goToLogin()
  return new ApiError(401, 'SESSION_EXPIRED', SESSION_EXPIRED_MESSAGE)
}

async function execute<T>(path: string, opts: RequestOptions): Promise<T> {
  const auth = opts.auth !== false
  let res = await send(path, opts, auth ? getAccessToken() : null)
  if (auth && res.statusCode === 401) {
    if (errorCode(res) === 'TOKEN_EXPIRED' && (await refreshSession())) {
      res = await send(path, opts, getAccessToken())
      if (res.statusCode === 401) throw endSession()
    } else {
      throw endSession()
    }
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T
  throw toError(res)
}

/** Typed request. Resolves with the parsed JSON body; rejects with ApiError (already toasted unless toast:false). */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  try {
    const run = () => execute<T>(path, opts)
    return await (opts.loading ? withLoading(run, opts.loading) : run())
  } catch (err) {
    const e = err instanceof ApiError ? err : new ApiError(0, 'CLIENT', '操作失败，请稍后重试')
    if (opts.toast !== false) toastError(e.message)
    throw e
  }
}

type NoMethod = Omit<RequestOptions, 'method' | 'body'>

export const api = {
  get: <T>(path: string, opts?: NoMethod) => request<T>(path, { ...opts, method: 'GET' }),
  post: <T>(path: string, body?: unknown, opts?: NoMethod) => request<T>(path, { ...opts, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, opts?: NoMethod) => request<T>(path, { ...opts, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, opts?: NoMethod) => request<T>(path, { ...opts, method: 'PATCH', body }),
  del: <T>(path: string, opts?: NoMethod) => request<T>(path, { ...opts, method: 'DELETE' })
}
