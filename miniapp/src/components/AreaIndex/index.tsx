import { Text, View } from '@tarojs/components'
import { Cell } from '@nutui/nutui-react-taro'
import type { Area } from '../../constants/catalogue'
import './index.scss'

/**
 * The index of one area (subpackage): what it covers and who uses it, then its entries by group.
 * Entries are listed, not linked, until their pages exist.
 */
export default function AreaIndex({ area }: { area: Area }) {
  return (
    <View className='sb-area'>
      <View className='sb-area__head'>
        <Text className='sb-area__title'>{area.title}</Text>
        <Text className='sb-area__intro'>{area.intro}</Text>
        <Text className='sb-area__audience'>适用：{area.audience}</Text>
      </View>
      {area.groups.map((group) => (
        <View key={group.title} className='sb-area__group'>
          <Text className='sb-section-title'>{group.title}</Text>
          <Cell.Group className='sb-links'>
            {group.items.map((item) => (
              <Cell key={item.key} title={item.title} description={item.brief} />
            ))}
          </Cell.Group>
        </View>
      ))}
    </View>
  )
}
