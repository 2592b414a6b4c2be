import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Empty, Skeleton } from '@nutui/nutui-react-taro'
import { Failure, Order, User } from '@nutui/icons-react-taro'
import { Button } from '../../components/Button'
import { LOGIN_PAGE } from '../../services/api'
import '../styles/query.scss'

export interface QueryStateProps {
  loading: boolean
  error: string | null
  signedIn: boolean
  /** Data has arrived (show it even while a reload runs). */
  ready: boolean
  reload: () => void
  /** Nothing to show: the empty state with `emptyText`. */
  empty?: boolean
  emptyText?: string
  children?: ReactNode
}

/**
 * (NutUI Empty's default pictures are remote images, which the CSP and an offline phone both refuse: ours are icons.)
 *
 * The states every query page goes through, in words a person understands: not signed in (sign in), loading
 * (grey placeholder rows), failed (what happened + 重试), nothing on record (say so plainly), or the content.
 */
export default function QueryState({ loading, error, signedIn, ready, reload, empty, emptyText, children }: QueryStateProps) {
  if (!signedIn) {
    return (
      <View className='q-state q-state--signin'>
        <Empty image={<User size={56} color='#bfc5d2' />} title='请先登录' description='登录电子社保卡后，可查询本人的参保、缴费和待遇信息。' imageSize={72} />
        <View className='q-state__actions'>
          <Button type='primary' onClick={() => Taro.navigateTo({ url: LOGIN_PAGE })}>
            登录电子社保卡
          </Button>
        </View>
      </View>
    )
  }
  if (error && !ready) {
    return (
      <View className='q-state q-state--error' ariaRole='alert'>
        <Empty image={<Failure size={56} color='#f7a1a1' />} title='暂时没有查到' description={error} imageSize={72} />
        <View className='q-state__actions'>
          <Button type='primary' fill='outline' onClick={reload}>
            重试
          </Button>
        </View>
      </View>
    )
  }
  if (!ready || (loading && !ready)) {
    return (
      <View className='q-state q-state--loading' ariaLabel='正在查询'>
        <Text className='q-state__loading-text'>正在查询…</Text>
        <View className='sb-card'>
          <Skeleton rows={4} animated />
        </View>
        <View className='sb-card'>
          <Skeleton rows={3} animated />
        </View>
      </View>
    )
  }
  if (empty) {
    return (
      <View className='q-state q-state--empty'>
        <Empty image={<Order size={56} color='#bfc5d2' />} title='暂无记录' description={emptyText ?? '没有查到相关记录。'} imageSize={72} />
      </View>
    )
  }
  return <>{children}</>
}
