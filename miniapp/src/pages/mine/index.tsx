import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Cell, Switch } from '@nutui/nutui-react-taro'
import { User } from '@nutui/icons-react-taro'
import { Button } from '../../components/Button'
import PageShell from '../../components/PageShell'
import { useCareMode } from '../../hooks/useCareMode'
import { useSessionUser } from '../../hooks/useSession'
import { api, LOGIN_PAGE } from '../../services/api'
import { clearSession, type Role } from '../../services/session'
import { toastSuccess } from '../../services/toast'
import EsscCard from './EsscCard'
import './index.scss'

const ROLE_LABELS: Record<Role, string> = {
  PERSON: '参保人',
  UNIT: '单位经办人',
  REVIEWER: '中心审核人员'
}

export const APP_VERSION = process.env.TARO_APP_VERSION || '0.0.0'

export default function Mine() {
  const user = useSessionUser()
  const care = useCareMode()

  const signOut = async () => {
    try {
      await api.post('/api/auth/logout', undefined, { toast: false })
    } catch {
      // the session ends locally either way; the server session expires on its own
    }
    clearSession()
    toastSuccess('已退出登录')
  }

  return (
    <PageShell className='mine'>
      <View className='mine__profile'>
        <View className='mine__avatar'>
          <User size={28} color='#1677ff' />
        </View>
        <View className='mine__who'>
          {user ? (
            <>
              <Text className='mine__name'>{user.name ?? '已登录'}</Text>
              <Text className='mine__role'>
                {ROLE_LABELS[user.role]}
                {user.unitName ? ` · ${user.unitName}` : ''}
              </Text>
            </>
          ) : (
            <>
              <Text className='mine__name'>未登录</Text>
              <Text className='mine__role'>登录电子社保卡后可查询本人社保信息</Text>
            </>
          )}
        </View>
        {!user && (
          <Button type='primary' size='small' onClick={() => Taro.navigateTo({ url: LOGIN_PAGE })}>
            登录/激活
          </Button>
        )}
      </View>

      {/* 电子社保卡: the card (masked, 小眼睛), 扫码登录, 修改密码 — individuals only */}
      <EsscCard />

      <Text className='sb-section-title'>设置</Text>
      <Cell.Group className='sb-links'>
        <Cell
          className='mine__care'
          title='关怀模式'
          description='放大文字，方便长辈阅读'
          align='center'
          extra={<Switch checked={care.enabled} onChange={(v) => care.setEnabled(v)} ariaLabel='关怀模式' />}
        />
      </Cell.Group>

      <Text className='sb-section-title'>关于</Text>
      <Cell.Group className='sb-links'>
        <Cell title='掌上社保' description='参保查询、证明打印与验证、单位办事' />
        <Cell title='版本' extra={APP_VERSION} align='center' />
      </Cell.Group>

      {user && (
        <View className='mine__signout'>
          <Button block type='default' onClick={signOut}>
            退出登录
          </Button>
        </View>
      )}
    </PageShell>
  )
}
