import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Cell } from '@nutui/nutui-react-taro'
import { ArrowRight } from '@nutui/icons-react-taro'
import { AREAS, areaIndexUrl, type AreaKey } from '../../constants/catalogue'

/** A titled group of links to area index pages (used by the 办事 and 证明 tabs). */
export default function AreaLinks({ title, areas }: { title: string; areas: AreaKey[] }) {
  return (
    <View>
      <Text className='sb-section-title'>{title}</Text>
      <Cell.Group className='sb-links'>
        {areas.map((key) => (
          <Cell
            key={key}
            title={AREAS[key].title}
            description={AREAS[key].intro}
            extra={<ArrowRight size={14} />}
            align='center'
            clickable
            onClick={() => Taro.navigateTo({ url: areaIndexUrl(key) })}
          />
        ))}
      </Cell.Group>
    </View>
  )
}
