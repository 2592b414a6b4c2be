import { useEffect, type ComponentType } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Grid } from '@nutui/nutui-react-taro'
import { ArrowRight, List, Order, QrCode, Scan, ShieldCheck, Store, ToPay, Wallet } from '@nutui/icons-react-taro'
import PageShell from '../../components/PageShell'
import { areaIndexUrl } from '../../constants/catalogue'
import { QUERY_PAGES } from '../../constants/pages'
import { useSessionUser } from '../../hooks/useSession'
import { useWideScreen, WIDE_MIN_WIDTH } from '../../hooks/useWideScreen'
import { scanCode } from '../../platform'
import { handleScannedText } from '../../utils/scanned'
import { LOGIN_PAGE } from '../../services/api'
import { QR_LOGIN_PAGE_URL, relaunchHome } from '../login/nav'
import './index.scss'

interface Shortcut {
  text: string
  Icon: ComponentType<{ size?: number | string; color?: string; className?: string }>
  go: () => void
}

const open = (url: string) => () => {
  Taro.navigateTo({ url })
}

// 常用服务: the entries people use most (PRODUCT.md §1–§4)
const SHORTCUTS: Shortcut[] = [
  { text: '参保信息', Icon: ShieldCheck, go: open(QUERY_PAGES.enrolment) },
  { text: '缴费信息', Icon: ToPay, go: open(QUERY_PAGES.contributions) },
  { text: '个人账户', Icon: Wallet, go: open(QUERY_PAGES.account) },
  { text: '参保证明', Icon: Order, go: open(areaIndexUrl('cert')) },
  {
    text: '扫码登录',
    Icon: Scan,
    go: async () => {
      // the PC web hall shows its login QR; a phone scans one (or types its 登录码)
      if (process.env.TARO_ENV === 'h5' && window.innerWidth >= WIDE_MIN_WIDTH) {
        Taro.navigateTo({ url: QR_LOGIN_PAGE_URL })
        return
      }
      const text = await scanCode({ purpose: 'login' })
      if (text) handleScannedText(text)
    }
  },
  { text: '证明验证', Icon: QrCode, go: open(areaIndexUrl('verify')) },
  { text: '单位办事', Icon: Store, go: open(areaIndexUrl('unit')) },
  { text: '办件记录', Icon: List, go: open(QUERY_PAGES.cases) }
]

// 公告: facts people need to plan around (PRODUCT.md, "Numbers worth knowing")
const NOTICES = [
  '单位年度缴费工资申报时间为每年 4 月 1 日至 6 月 30 日，申报后方可进行当月缴费申报。',
  '电子证明自出具之日起 3 个月内可扫码或凭授权码验证真伪。',
  '应缴认定单自生成之日起 10 个工作日内有效，逾期作废，请及时缴费。'
]

export default function Home() {
  const user = useSessionUser()
  const wide = useWideScreen()
  // a unit clerk's home is the unit web hall
  useEffect(() => {
    if (user?.role === 'UNIT') void relaunchHome('UNIT')
  }, [user])
  const onCard = () => {
    if (user) Taro.switchTab({ url: '/pages/mine/index' })
    else Taro.navigateTo({ url: LOGIN_PAGE })
  }
  return (
    <PageShell className='home'>
      <View className='home__header'>
        <Text className='home__title'>掌上社保</Text>
        <Text className='home__subtitle'>参保查询 · 证明打印 · 单位办事</Text>
        <View
          className='home__essc'
          onClick={onCard}
          ariaRole='button'
          ariaLabel={user ? '电子社保卡，已登录，查看我的' : '电子社保卡，登录或激活'}
        >
          <View className='home__essc-emblem'>
            <Text className='home__essc-emblem-text'>社</Text>
          </View>
          <View className='home__essc-main'>
            <Text className='home__essc-title'>电子社保卡</Text>
            <Text className='home__essc-desc'>
              {user ? `已登录${user.name ? ` · ${user.name}` : ''}` : '登录/激活'}
            </Text>
          </View>
          <ArrowRight className='home__essc-arrow' size={16} color='#ffffff' />
        </View>
      </View>

      <View className='home__block'>
        <Text className='sb-section-title'>常用服务</Text>
        <Grid className='home__grid' columns={wide ? 8 : 4}>
          {SHORTCUTS.map(({ text, Icon, go }) => (
            <Grid.Item key={text} text={text} onClick={go}>
              <View className='home__grid-icon'>
                <Icon size={22} color='#1677ff' />
              </View>
            </Grid.Item>
          ))}
        </Grid>
      </View>

      <View className='home__block'>
        <Text className='sb-section-title'>公告</Text>
        <View className='sb-card home__notices' ariaRole='list'>
          {NOTICES.map((n) => (
            <View key={n} className='home__notice' ariaRole='listitem'>
              <View className='home__notice-dot' />
              <Text className='home__notice-text'>{n}</Text>
            </View>
          ))}
        </View>
      </View>
    </PageShell>
  )
}
