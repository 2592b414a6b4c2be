import { View } from '@tarojs/components'
import { Button } from '../../components/Button'

/** 查询 (apply what is typed) and 重置 (clear it) under a workbench list's filters. */
export default function FilterButtons({ onSearch, onReset }: { onSearch: () => void; onReset: () => void }) {
  return (
    <View className='rv-filters__buttons'>
      <Button size='small' type='primary' className='rv-search' onClick={onSearch}>
        查询
      </Button>
      <Button size='small' onClick={onReset}>
        重置
      </Button>
    </View>
  )
}
