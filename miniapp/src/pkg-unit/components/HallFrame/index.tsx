import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Home, User } from '@nutui/icons-react-taro'
import { Button } from '../../../components/Button'
import PageShell from '../../../components/PageShell'
import { AREAS, unitItemUrl } from '../../../constants/catalogue'
import { useSessionUser } from '../../../hooks/useSession'
import { api } from '../../../services/api'
import { clearSession } from '../../../services/session'
import { roleProps } from '../../../pages/login/a11y'
import { HOME_PAGE_URL, LOGIN_PAGE_URL, QR_LOGIN_PAGE_URL, UNIT_HALL_PAGE_URL } from '../../../pages/login/nav'
import './index.scss'

/** The hall's own nav entry (大厅首页). */
export const HALL_HOME = 'home'

/** Where a PC 单位登录 ends when signing out: the unit QR again (web hall), or 首页 (mini-program). */
const SIGNED_OUT_URL = process.env.TARO_ENV === 'h5' ? `${QR_LOGIN_PAGE_URL}?target=UNIT` : HOME_PAGE_URL
/** Signing in as a unit: 扫码登录 in the web hall (H5), the e-SSC sign-in in the mini-program. */
const UNIT_SIGN_IN_URL = process.env.TARO_ENV === 'h5' ? `${QR_LOGIN_PAGE_URL}?target=UNIT` : LOGIN_PAGE_URL

const routeOf = (page: { route?: string } | undefined) => '/' + (page?.route ?? '').replace(/^\//, '').split('?')[0]

/**
 * Open a unit area entry (its key in AREAS.unit) from the hall or one of the unit pages. From the hall the page
 * opens on top (back returns to the hall); between the unit's own pages it replaces the current one, so the page
 * stack stays the hall plus one.
 */
export function openUnitItem(key: string, from: string = HALL_HOME): void {
  const url = unitItemUrl(key)
  if (from !== HALL_HOME && url.startsWith('/pkg-unit/')) void Taro.redirectTo({ url })
  else void Taro.navigateTo({ url })
}

/** Back to the hall: back when the hall is the page below, else the hall replaces this page. */
export function goHall(): void {
  const pages = Taro.getCurrentPages()
  if (pages.length > 1 && routeOf(pages[pages.length - 2]) === UNIT_HALL_PAGE_URL) void Taro.navigateBack()
  else void Taro.redirectTo({ url: UNIT_HALL_PAGE_URL })
}

export interface HallFrameProps {
  /** The nav entry this page is (HALL_HOME for the hall, else a key of AREAS.unit). */
  active: string
  /** Page title over the workspace (the unit's pages; the hall has its own welcome). */
  title?: string
  /** The unit as the page loaded it (else the name from sign-in); its number shown under the name. */
  unitName?: string
  unitNo?: string
  className?: string
  children: ReactNode
}

/**
 * The frame of the 单位网上服务大厅 and its pages: a header (unit, clerk, 退出登录), a left nav of the unit's matters
 * and queries (AREAS.unit, each opening its page), and the workspace. At PC widths (≥ 1024 CSS px) nav and
 * workspace sit side by side; on a phone the hall shows the nav as chips above the workspace, and the unit's pages
 * show only a title bar (with 返回大厅) over their content. Not signed in as a unit clerk: how to sign in instead.
 */
export default function HallFrame({ active, title, unitName, unitNo, className, children }: HallFrameProps) {
  const user = useSessionUser()
  const isHall = active === HALL_HOME
  const classes = ['hall', isHall ? 'hall--home' : 'hall--page', className ?? ''].filter(Boolean).join(' ')

  if (user?.role !== 'UNIT') {
    return (
      <PageShell className={`${classes} hall--guest`}>
        <View className='hall__guest'>
          <Text className='hall__guest-title'>单位网上服务大厅</Text>
          <Text className='hall__guest-text'>请单位经办人使用掌上社保扫码登录（单位登录）后办理单位业务。</Text>
          <Button type='primary' onClick={() => Taro.redirectTo({ url: UNIT_SIGN_IN_URL })}>
            单位登录
          </Button>
        </View>
      </PageShell>
    )
  }

  const signOut = async () => {
    try {
      await api.post('/api/auth/logout', undefined, { toast: false })
    } catch {
      // ends locally either way
    }
    clearSession()
    Taro.reLaunch({ url: SIGNED_OUT_URL })
  }

  const navItem = (key: string, label: ReactNode, onClick: () => void) => (
    <View
      key={key}
      className={key === active ? 'hall__nav-item hall__nav-item--active' : 'hall__nav-item'}
      data-key={key}
      {...roleProps('link')}
      {...(key === active ? { 'aria-current': 'page' } : {})}
      onClick={key === active ? undefined : onClick}
    >
      {label}
    </View>
  )

  return (
    <PageShell className={classes}>
      <View className='hall__header'>
        <View className='hall__brand' onClick={isHall ? undefined : goHall}>
          <View className='hall__emblem'>
            <Text className='hall__emblem-text'>社</Text>
          </View>
          <View className='hall__brand-text'>
            <Text className='hall__brand-name'>单位网上服务大厅</Text>
            <Text className='hall__brand-sub'>掌上社保</Text>
          </View>
        </View>
        <View className='hall__who'>
          <View className='hall__unit'>
            <Text className='hall__unit-name'>{unitName ?? user.unitName ?? ''}</Text>
            {unitNo && <Text className='hall__unit-no'>单位编号 {unitNo}</Text>}
          </View>
          <View className='hall__clerk'>
            <User size={16} color='#4e5969' />
            <Text className='hall__clerk-name'>经办人 {user.name ?? ''}</Text>
          </View>
          <Button className='hall__signout' size='small' fill='outline' type='primary' onClick={signOut}>
            退出登录
          </Button>
        </View>
      </View>

      {!isHall && (
        <View className='hall__titlebar'>
          <View className='hall__back' {...roleProps('link')} onClick={goHall}>
            <Text className='hall__back-text'>‹ 返回大厅</Text>
          </View>
          <Text className='hall__titlebar-title'>{title}</Text>
          <Text className='hall__titlebar-unit'>{unitName ?? user.unitName ?? ''}</Text>
        </View>
      )}

      <View className='hall__body'>
        <View className='hall__nav' aria-label='单位业务导航'>
          {navItem(
            HALL_HOME,
            <>
              <Home size={16} color={isHall ? '#1677ff' : '#4e5969'} />
              <Text className='hall__nav-text'>大厅首页</Text>
            </>,
            goHall
          )}
          {AREAS.unit.groups.map((g) => (
            <View key={g.title} className='hall__nav-group'>
              <Text className='hall__nav-group-title'>{g.title}</Text>
              {g.items.map((item) => navItem(item.key, <Text className='hall__nav-text'>{item.title}</Text>, () => openUnitItem(item.key, active)))}
            </View>
          ))}
        </View>

        <View className='hall__main'>
          {!isHall && title && (
            <View className='hall__page-head'>
              <Text className='hall__page-title'>{title}</Text>
            </View>
          )}
          {children}
        </View>
      </View>
    </PageShell>
  )
}
