import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Loading, Tag } from '@nutui/nutui-react-taro'
import { Home, Order, Store, ToPay, User, UserAdd } from '@nutui/icons-react-taro'
import { shanghaiToday, type UnitClerksResponse } from '@shebao/shared'
import PageShell from '../../../components/PageShell'
import { AREAS } from '../../../constants/catalogue'
import { useSessionUser } from '../../../hooks/useSession'
import { api, ApiError } from '../../../services/api'
import { clearSession } from '../../../services/session'
import { toastText } from '../../../services/toast'
import { HOME_PAGE_URL, QR_LOGIN_PAGE_URL } from '../../../pages/login/nav'
import { BUTTON_ROLE } from '../../../pages/login/a11y'
import './index.scss'

const AREA = AREAS.unit
const ICONS = [Store, UserAdd, ToPay, Order]

/** Where a PC 单位登录 ends when signing out: the unit QR again (web hall), or 首页 (mini-program). */
const SIGNED_OUT_URL = process.env.TARO_ENV === 'h5' ? `${QR_LOGIN_PAGE_URL}?target=UNIT` : HOME_PAGE_URL

type Load = { state: 'loading' } | { state: 'ready'; data: UnitClerksResponse } | { state: 'failed'; message: string }

/**
 * 单位网上服务大厅: where a unit clerk lands after a PC 单位登录. At PC widths a header (unit, clerk), a left nav of
 * the unit's matters and queries, and the workspace — the unit's summary and its authorised clerks
 * (GET /api/unit/clerks); on a phone the same content in one column.
 */
export default function UnitHall() {
  const user = useSessionUser()
  const isUnit = user?.role === 'UNIT'
  const [load, setLoad] = useState<Load>({ state: 'loading' })

  const fetchClerks = useCallback(async () => {
    setLoad({ state: 'loading' })
    try {
      setLoad({ state: 'ready', data: await api.get<UnitClerksResponse>('/api/unit/clerks', { toast: false }) })
    } catch (e) {
      setLoad({ state: 'failed', message: e instanceof ApiError ? e.message : '加载失败，请稍后重试' })
    }
  }, [])

  useEffect(() => {
    if (isUnit) void fetchClerks()
  }, [isUnit, fetchClerks])

  const signOut = async () => {
    try {
      await api.post('/api/auth/logout', undefined, { toast: false })
    } catch {
      // ends locally either way
    }
    clearSession()
    Taro.reLaunch({ url: SIGNED_OUT_URL })
  }

  const soon = (title: string) => () => toastText(`“${title}”即将开放`)

  if (!isUnit) {
    return (
      <PageShell className='hall hall--guest'>
        <View className='hall__guest'>
          <Text className='hall__guest-title'>单位网上服务大厅</Text>
          <Text className='hall__guest-text'>请单位经办人使用掌上社保扫码登录（单位登录）后办理单位业务。</Text>
          <Button {...BUTTON_ROLE} type='primary' onClick={() => Taro.redirectTo({ url: `${QR_LOGIN_PAGE_URL}?target=UNIT` })}>
            单位登录
          </Button>
        </View>
      </PageShell>
    )
  }

  const data = load.state === 'ready' ? load.data : null
  const unitName = data?.unit.name ?? user.unitName ?? ''
  const me = data?.items.find((c) => c.isMe)

  return (
    <PageShell className='hall'>
      <View className='hall__header'>
        <View className='hall__brand'>
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
            <Text className='hall__unit-name'>{unitName}</Text>
            {data && <Text className='hall__unit-no'>单位编号 {data.unit.unitNo}</Text>}
          </View>
          <View className='hall__clerk'>
            <User size={16} color='#4e5969' />
            <Text className='hall__clerk-name'>经办人 {user.name ?? ''}</Text>
          </View>
          <Button {...BUTTON_ROLE} className='hall__signout' size='small' fill='outline' type='primary' onClick={signOut}>
            退出登录
          </Button>
        </View>
      </View>

      <View className='hall__body'>
        <View className='hall__nav' aria-label='单位业务导航'>
          <View className='hall__nav-item hall__nav-item--active' aria-current='page'>
            <Home size={16} color='#1677ff' />
            <Text className='hall__nav-text'>大厅首页</Text>
          </View>
          {AREA.groups.map((g) => (
            <View key={g.title} className='hall__nav-group'>
              <Text className='hall__nav-group-title'>{g.title}</Text>
              {g.items.map((item) => (
                <View key={item.key} className='hall__nav-item' data-key={item.key} onClick={soon(item.title)}>
                  <Text className='hall__nav-text'>{item.title}</Text>
                </View>
              ))}
            </View>
          ))}
        </View>

        <View className='hall__main'>
          <View className='hall__welcome'>
            <Text className='hall__welcome-title'>您好，{user.name ?? '经办人'}</Text>
            <Text className='hall__welcome-text'>
              您正在以“{unitName}”经办人身份办理单位社保业务{me?.department ? `（${me.department}）` : ''}。
            </Text>
          </View>

          <View className='hall__tiles'>
            {AREA.groups.map((g, i) => {
              const Icon = ICONS[i % ICONS.length]!
              const first = g.items[0]!
              return (
                <View key={g.title} className='hall__tile' onClick={soon(first.title)}>
                  <View className='hall__tile-icon'>
                    <Icon size={22} color='#1677ff' />
                  </View>
                  <View className='hall__tile-text'>
                    <Text className='hall__tile-title'>{first.title}</Text>
                    <Text className='hall__tile-brief'>{first.brief}</Text>
                  </View>
                </View>
              )
            })}
          </View>

          <View className='hall__panel'>
            <View className='hall__panel-head'>
              <Text className='hall__panel-title'>本单位授权经办人</Text>
              {data && <Text className='hall__panel-count'>共 {data.items.length} 人</Text>}
            </View>
            <Text className='hall__panel-note'>经办人由单位法定代表人授权（登陆授权信息采集表），增减经办人请办理“单位一般信息变更”。</Text>

            {load.state === 'loading' && (
              <View className='hall__state'>
                <Loading type='circular'>加载中</Loading>
              </View>
            )}
            {load.state === 'failed' && (
              <View className='hall__state'>
                <Text className='hall__state-text'>{load.message}</Text>
                <Button {...BUTTON_ROLE} size='small' type='primary' fill='outline' onClick={() => void fetchClerks()}>
                  重试
                </Button>
              </View>
            )}
            {data && data.items.length === 0 && (
              <View className='hall__state'>
                <Text className='hall__state-text'>暂无授权经办人</Text>
              </View>
            )}
            {data && data.items.length > 0 && (
              <View className='hall__table' aria-label='授权经办人列表'>
                <View className='hall__tr hall__tr--head'>
                  <Text className='hall__td hall__td--name'>姓名</Text>
                  <Text className='hall__td hall__td--id'>证件号码</Text>
                  <Text className='hall__td hall__td--phone'>手机号码</Text>
                  <Text className='hall__td hall__td--dept'>部门</Text>
                  <Text className='hall__td hall__td--date'>授权日期</Text>
                </View>
                {data.items.map((c) => (
                  <View key={c.id} className='hall__tr hall__clerk-row' data-me={c.isMe ? 'true' : 'false'}>
                    <View className='hall__td hall__td--name'>
                      <Text className='hall__clerk-cell-name'>{c.name}</Text>
                      {c.isMe && (
                        <Tag type='primary' className='hall__me'>
                          本人
                        </Tag>
                      )}
                    </View>
                    <Text className='hall__td hall__td--id' data-label='证件号码'>
                      {c.idNumber}
                    </Text>
                    <Text className='hall__td hall__td--phone' data-label='手机号码'>
                      {c.phone}
                    </Text>
                    <Text className='hall__td hall__td--dept' data-label='部门'>
                      {c.department ?? '—'}
                    </Text>
                    <Text className='hall__td hall__td--date' data-label='授权日期'>
                      {shanghaiToday(new Date(c.authorizedAt))}
                    </Text>
                  </View>
                ))}
              </View>
            )}
          </View>
        </View>
      </View>
    </PageShell>
  )
}
