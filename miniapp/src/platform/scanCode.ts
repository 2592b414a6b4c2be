import Taro from '@tarojs/taro'
import { SCAN_PAGE_URL } from '../pages/login/nav'

/** Where a person types the code by hand when the camera can't be used (the proof verification page). */
export const MANUAL_CODE_ENTRY = '/pkg-verify/pages/index/index'

/**
 * Scan a QR code. Resolves with its text, or null when the person cancelled or was sent to manual entry.
 * - weapp: the native scanner.
 * - H5: the camera scanner page (getUserMedia + a QR decoder); it routes what it reads, so this resolves null.
 */
export async function scanCode(opts: { manualEntryUrl?: string; purpose?: 'login' } = {}): Promise<string | null> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] })
      return res.result || null
    } catch {
      return null // cancelled, or camera permission denied
    }
  }
  // H5: the camera scanner page (pkg-auth), which opens whatever it reads itself (utils/scanned.ts); for
  // 扫码登录 it also takes the typed 登录码, otherwise it links to `manualEntryUrl`.
  const query = opts.purpose === 'login' ? 'purpose=login' : `manual=${encodeURIComponent(opts.manualEntryUrl ?? MANUAL_CODE_ENTRY)}`
  await Taro.navigateTo({ url: `${SCAN_PAGE_URL}?${query}` })
  return null
}
