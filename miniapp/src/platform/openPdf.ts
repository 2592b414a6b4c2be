import Taro from '@tarojs/taro'
import { API_BASE } from '../services/api'
import { getAccessToken } from '../services/session'

/**
 * Open a PDF served by the BFF (e.g. a proof). `path` is an API path such as `/api/...`; the access token is sent.
 * - weapp: download to a temp file, then the system document viewer (with share/save menu).
 * - H5: fetch with the token, then show the blob in a new tab (or this tab if pop-ups are blocked).
 * Rejects with an Error whose message is Chinese.
 */
export async function openPdf(path: string): Promise<void> {
  const token = getAccessToken()
  const header: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {}
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.downloadFile({ url: API_BASE + path, header })
    if (res.statusCode !== 200) throw new Error('文件下载失败，请稍后重试')
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'pdf', showMenu: true })
    return
  }
  // Open the tab now, while we are still inside the click handler, so the pop-up blocker allows it.
  const win = window.open('', '_blank')
  const res = await fetch(API_BASE + path, { headers: header })
  if (!res.ok) {
    win?.close()
    throw new Error('文件下载失败，请稍后重试')
  }
  const url = URL.createObjectURL(await res.blob())
  if (win) win.location.href = url
  else window.location.href = url
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
