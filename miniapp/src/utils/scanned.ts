import Taro from '@tarojs/taro'
import { areaIndexUrl } from '../constants/catalogue'
import { toastText } from '../services/toast'
import { CONFIRM_PAGE_URL } from '../pages/login/nav'

/** Query parameters of a URL (hash-router URLs included), without relying on URL (absent in mini-programs). */
export function queryParams(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const q = text.split('?').slice(1).join('?').split('#')[0]
  for (const part of q.split('&')) {
    if (!part) continue
    const [k, v = ''] = part.split('=')
    try {
      out[decodeURIComponent(k)] = decodeURIComponent(v.replace(/\+/g, ' '))
    } catch {
      // malformed escape: skip this parameter
    }
  }
  return out
}

/**
 * Route the text of a scanned QR code. A login QR of the PC web hall opens the scan-login confirm page. A proof's
 * QR carries the verification page URL with `code` (授权码) and, optionally, `t` (the signed token): open the
 * verification page with them. Anything else is not ours.
 */
export function handleScannedText(text: string, opts: { replace?: boolean; quiet?: boolean } = {}): boolean {
  // replace: the scanner page gives way to the page it found; quiet: the caller explains unknown codes itself
  const go = (url: string) => (opts.replace ? Taro.redirectTo({ url }) : Taro.navigateTo({ url }))
  const params = queryParams(text.trim())
  // 扫码登录: the PC web hall's QR is the phone's confirm page with ?ticket=<login ticket id>
  if (params.ticket && text.includes(CONFIRM_PAGE_URL)) {
    go(`${CONFIRM_PAGE_URL}?ticket=${encodeURIComponent(params.ticket)}`)
    return true
  }
  const code = params.c ?? params.code // proofs' QR: ?c=<授权码>&t=<token>
  if (code) {
    const qs = `c=${encodeURIComponent(code)}` + (params.t ? `&t=${encodeURIComponent(params.t)}` : '')
    go(`${areaIndexUrl('verify')}?${qs}`)
    return true
  }
  if (!opts.quiet) toastText('无法识别该二维码')
  return false
}
