import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Empty, Skeleton } from '@nutui/nutui-react-taro'
import { Failure, Order } from '@nutui/icons-react-taro'
import { Button } from '../../components/Button'
import '../styles/unit.scss'

export interface UnitStateProps {
  loading: boolean
  error: string | null
  /** Data has arrived (show it even while a reload runs). */
  ready: boolean
  reload: () => void
  empty?: boolean
  emptyText?: string
  children?: ReactNode
}

/**
 * The states of a unit query in the hall (the frame already handles "not signed in as a unit clerk"): loading
 * (placeholder rows), failed (the server's message + 重试), nothing on record (said plainly), or the content.
 * (Our own icons: NutUI Empty's default pictures are remote images the CSP refuses.)
 */
export default function UnitState({ error, ready, reload, empty, emptyText, children }: UnitStateProps) {
  if (error && !ready) {
    return (
      <View className='uq-state uq-state--error' ariaRole='alert'>
        <Empty image={<Failure size={56} color='#f7a1a1' />} title='暂时没有查到' description={error} imageSize={72} />
        <Button type='primary' fill='outline' onClick={reload}>
          重试
        </Button>
      </View>
    )
  }
  if (!ready) {
    return (
      <View className='uq-state--loading' ariaLabel='正在查询'>
        <Text className='uq-state__text'>正在查询…</Text>
        <Skeleton rows={4} animated />
      </View>
    )
  }
  if (empty) {
    return (
      <View className='uq-state uq-state--empty'>
        <Empty image={<Order size={56} color='#bfc5d2' />} title='暂无记录' description={emptyText ?? '没有查到相关记录。'} imageSize={72} />
      </View>
    )
  }
  return <>{children}</>
}
