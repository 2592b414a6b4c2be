import { Text, View } from '@tarojs/components'
import { Button } from '../Button'
import './index.scss'

export interface LoadMoreProps {
  shown: number
  total: number
  hasMore: boolean
  loading: boolean
  error: string | null
  onMore: () => void
}

/** The end of a long list: 加载更多 (next page), or how many there are once everything is shown. */
export default function LoadMore({ shown, total, hasMore, loading, error, onMore }: LoadMoreProps) {
  return (
    <View className='sb-more'>
      {error && <Text className='sb-more__error'>{error}</Text>}
      {hasMore ? (
        <Button className='sb-more__button' size='small' fill='outline' type='primary' loading={loading} onClick={onMore}>
          {loading ? '加载中' : error ? '重新加载' : `加载更多（已显示 ${shown} / ${total} 条）`}
        </Button>
      ) : (
        total > 0 && <Text className='sb-more__done'>已显示全部 {total} 条</Text>
      )}
    </View>
  )
}
