import Taro from '@tarojs/taro'
import { API_BASE, ApiError, refreshSession } from '../services/api'
import { getAccessToken } from '../services/session'

/** `Authorization: Bearer …` for requests outside the JSON client (file transfers). */
export function authHeader(): Record<string, string> {
  const token = getAccessToken()
  return token ? { Authorization: `Bearer ${token}` } : {}
}

/** An ApiError from a non-2xx answer: the server's Chinese message when the body is our error JSON. */
export function apiErrorOf(status: number, text: string, fallback: string): ApiError {
  try {
    const e = JSON.parse(text)?.error
    if (e?.message) {
      const err = new ApiError(status, e.code ?? 'UNKNOWN', e.message, e.field, e.requestId)
      ;(err as ApiError & { meta?: unknown }).meta = e.meta
      return err
    }
  } catch {
    // not JSON
  }
  return new ApiError(status, 'HTTP_' + status, status === 0 ? '网络连接失败，请检查网络后重试' : fallback)
}

const FAILED = '文件下载失败，请稍后重试'

/**
 * Download a generated file (GET `path` with the token; an expired token is refreshed once) and hand it to the
 * user: a download named `fileName` on H5, the system document viewer (share/save menu) on weapp.
 * Rejects with an ApiError whose message is Chinese (the server's when it answered with one).
 */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const get = () => Taro.downloadFile({ url: API_BASE + path, header: authHeader() })
    let res = await get()
    if (res.statusCode === 401 && (await refreshSession())) res = await get()
    if (res.statusCode !== 200) throw new ApiError(res.statusCode, 'DOWNLOAD', FAILED)
    const ext = fileName.split('.').pop() as 'xlsx'
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: ext, showMenu: true })
    return
  }
  const get = () => fetch(API_BASE + path, { headers: authHeader() }).catch(() => null)
  let res = await get()
  if (res?.status === 401 && (await refreshSession())) res = await get()
  if (!res) throw apiErrorOf(0, '', FAILED)
  if (!res.ok) throw apiErrorOf(res.status, await res.text(), FAILED)
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
