import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Loading, Tag } from '@nutui/nutui-react-taro'
import { Edit, List, Minus, Order, ShieldCheck, Store, ToPay, UserAdd } from '@nutui/icons-react-taro'
import { shanghaiToday, type UnitClerksResponse } from '@shebao/shared'
import { Button } from '../../../components/Button'
import { AREAS, type CatalogueItem } from '../../../constants/catalogue'
import { useSessionUser } from '../../../hooks/useSession'
import { api, ApiError } from '../../../services/api'
import { roleProps } from '../../../pages/login/a11y'
import HallFrame, { HALL_HOME, openUnitItem } from '../../components/HallFrame'
import './index.scss'

type Icon = typeof Store

/** The hall's quick entries (each a unit area entry; the nav lists them all). */
const TILE_KEYS: [string, Icon][] = [
  ['unit-info', Store],
  ['roster', List],
  ['staff-add', UserAdd],
  ['staff-stop', Minus],
  ['monthly-declaration', ToPay],
  ['bills', Order],
  ['unit-enrolment-cert', ShieldCheck],
  ['more-matters', Edit]
]
const ITEMS = new Map<string, CatalogueItem>(AREAS.unit.groups.flatMap((g) => g.items.map((i) => [i.key, i] as const)))
const TILES = TILE_KEYS.map(([key, Icon]) => ({ item: ITEMS.get(key) as CatalogueItem, Icon }))

type Load = { state: 'loading' } | { state: 'ready'; data: UnitClerksResponse } | { state: 'failed'; message: string }

/**
 * 单位网上服务大厅: where a unit clerk lands after a PC 单位登录. In the hall frame (header, nav of the unit's
 * matters and queries): a welcome, quick entries, and the unit's authorised clerks (GET /api/unit/clerks).
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

  const data = load.state === 'ready' ? load.data : null
  const unitName = data?.unit.name ?? user?.unitName ?? ''
  const me = data?.items.find((c) => c.isMe)

  return (
    <HallFrame active={HALL_HOME} unitName={data?.unit.name} unitNo={data?.unit.unitNo}>
      <View className='hall__welcome'>
        <Text className='hall__welcome-title'>您好，{user?.name ?? '经办人'}</Text>
        <Text className='hall__welcome-text'>
          您正在以“{unitName}”经办人身份办理单位社保业务{me?.department ? `（${me.department}）` : ''}。
        </Text>
      </View>

      <View className='hall__tiles'>
        {TILES.map(({ item, Icon }) => (
          <View key={item.key} className='hall__tile' data-key={item.key} {...roleProps('link')} onClick={() => openUnitItem(item.key)}>
            <View className='hall__tile-icon'>
              <Icon size={22} color='#1677ff' />
            </View>
            <View className='hall__tile-text'>
              <Text className='hall__tile-title'>{item.title}</Text>
              <Text className='hall__tile-brief'>{item.brief}</Text>
            </View>
          </View>
        ))}
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
            <Button size='small' type='primary' fill='outline' onClick={() => void fetchClerks()}>
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
    </HallFrame>
  )
}
