import Taro from '@tarojs/taro'

/** Where a person types the code by hand when the camera can't be used (the proof verification page). */
export const MANUAL_CODE_ENTRY = '/pkg-verify/pages/index/index'

/**
 * Scan a QR code. Resolves with its text, or null when the person cancelled or was sent to manual entry.
 * - weapp: the native scanner.
 * - H5: no camera scanner yet (it will be a camera page with a QR decoder); for now open the manual entry page.
 */
export async function scanCode(opts: { manualEntryUrl?: string } = {}): Promise<string | null> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] })
      return res.result || null
    } catch {
      return null // cancelled, or camera permission denied
    }
  }
  await Taro.navigateTo({ url: opts.manualEntryUrl ?? MANUAL_CODE_ENTRY })
  return null
}
