import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'

export interface PagerProps {
  page: number
  total: number
  pageSize: number
  onPage: (page: number) => void
}

/** 上一页 · 第 n / m 页 · 下一页 under a workbench list; nothing when one page holds it all. */
export default function Pager({ page, total, pageSize, onPage }: PagerProps) {
  if (total <= pageSize) return null
  const pages = Math.max(1, Math.ceil(total / pageSize))
  return (
    <View className='rv-pager'>
      <Button size='small' disabled={page <= 1} onClick={() => onPage(page - 1)}>
        上一页
      </Button>
      <Text className='rv-pager__text'>
        第 {page} / {pages} 页
      </Text>
      <Button size='small' disabled={page >= pages} onClick={() => onPage(page + 1)}>
        下一页
      </Button>
    </View>
  )
}
