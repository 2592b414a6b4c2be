/**
 * Where sign-in pages live and where people go after signing in. Kept in the main package (next to the login
 * page) so tab pages can link to the auth subpackage without importing it.
 */
import Taro from '@tarojs/taro'
import type { Role } from '@shebao/shared'

export const LOGIN_PAGE_URL = '/pages/login/index'
export const HOME_PAGE_URL = '/pages/index/index'
export const MINE_PAGE_URL = '/pages/mine/index'
/** 电子社保卡开通 (待开通 → SMS code → PIN) */
export const ACTIVATE_PAGE_URL = '/pkg-auth/pages/activate/index'
/** PC web hall: the QR code for 扫码登录 (`?target=PERSON|UNIT`) */
export const QR_LOGIN_PAGE_URL = '/pkg-auth/pages/qr-login/index'
/** Phone: camera scanner (H5) and the typed 登录码 fallback */
export const SCAN_PAGE_URL = '/pkg-auth/pages/scan/index'
/** Phone: confirm a PC login (`?ticket=<id>` from the QR, or `?code=<登录码>`) */
export const CONFIRM_PAGE_URL = '/pkg-auth/pages/confirm/index'
export const CHANGE_PIN_PAGE_URL = '/pkg-auth/pages/change-pin/index'
/** The unit web hall, where a PC 单位登录 lands */
export const UNIT_HALL_PAGE_URL = '/pkg-unit/pages/hall/index'

const routeOf = (page: { route?: string } | undefined) => '/' + (page?.route ?? '').replace(/^\//, '').split('?')[0]

/** Pages that only exist to sign someone in: left behind once they have. */
const SIGN_IN_PAGES = [LOGIN_PAGE_URL, ACTIVATE_PAGE_URL]

/** The landing page of a role: the unit web hall for a unit clerk, 首页 otherwise. */
export function homeUrlOf(role: Role | undefined): string {
  return role === 'UNIT' ? UNIT_HALL_PAGE_URL : HOME_PAGE_URL
}

/** Open the role's landing page as a fresh stack (after a PC scan login, or signing out). */
export function relaunchHome(role: Role | undefined): Promise<unknown> {
  return Taro.reLaunch({ url: homeUrlOf(role) })
}

/**
 * After a phone sign-in (PIN or activation): back to the page that asked for it (e.g. the scan-login confirm
 * page, which then carries on), past every sign-in page on top of the stack; if nothing asked, on to 我的.
 */
export function leaveSignInPages(): void {
  const pages = Taro.getCurrentPages()
  let delta = 0
  for (let i = pages.length - 1; i >= 0 && SIGN_IN_PAGES.includes(routeOf(pages[i])); i--) delta++
  if (delta > 0 && delta < pages.length) Taro.navigateBack({ delta })
  else Taro.switchTab({ url: MINE_PAGE_URL })
}
