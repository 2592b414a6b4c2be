// The requester context the phone shows before confirming a scan-code login: which browser on which OS asked.
import { UAParser } from 'ua-parser-js'

export interface DeviceDescription {
  browser: string
  os: string
}

export function describeUserAgent(userAgent: string | null | undefined): DeviceDescription {
  if (!userAgent) return { browser: '未知浏览器', os: '未知系统' }
  const r = UAParser(userAgent)
  const browser = r.browser.name ? [r.browser.name, r.browser.major ?? r.browser.version].filter(Boolean).join(' ') : '未知浏览器'
  const os = r.os.name ? [r.os.name, r.os.version].filter(Boolean).join(' ') : '未知系统'
  return { browser, os }
}
