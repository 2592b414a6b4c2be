import Taro from '@tarojs/taro'
import { areaIndexUrl } from '../constants/catalogue'
import { toastText } from '../services/toast'

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
 * Route the text of a scanned QR code. A proof's QR carries the verification page URL with `code` (授权码) and,
 * optionally, `t` (the signed token): open the verification page with them. Anything else is not ours.
 */
export function handleScannedText(text: string): boolean {
  const params = queryParams(text.trim())
  const code = params.c ?? params.code // proofs' QR: ?c=<授权码>&t=<token>
  if (code) {
    const qs = `c=${encodeURIComponent(code)}` + (params.t ? `&t=${encodeURIComponent(params.t)}` : '')
    Taro.navigateTo({ url: `${areaIndexUrl('verify')}?${qs}` })
    return true
  }
  toastText('无法识别该二维码')
  return false
}
