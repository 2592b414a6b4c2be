import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Cell } from '@nutui/nutui-react-taro'
import { ArrowRight } from '@nutui/icons-react-taro'
import PageShell from '../../../components/PageShell'
import { AREAS } from '../../../constants/catalogue'
import { UNIT_HALL_PAGE_URL } from '../../../pages/login/nav'
import { openUnitItem } from '../../components/HallFrame'
import './index.scss'

const AREA = AREAS.unit

/**
 * 单位办事: what the unit area covers and who uses it, the web hall, then every entry by group — each opens its
 * page (the same mapping as the hall's nav: unitItemUrl).
 */
export default function UnitIndex() {
  return (
    <PageShell>
      <View className='sb-area'>
        <View className='sb-area__head'>
          <Text className='sb-area__title'>{AREA.title}</Text>
          <Text className='sb-area__intro'>{AREA.intro}</Text>
          <Text className='sb-area__audience'>适用：{AREA.audience}</Text>
        </View>
        <View className='sb-area__group'>
          <Text className='sb-section-title'>网上服务大厅</Text>
          <Cell.Group className='sb-links'>
            <Cell
              className='unit-index__hall'
              title='单位网上服务大厅'
              description='本单位概况、授权经办人和全部单位业务'
              extra={<ArrowRight size={14} />}
              align='center'
              clickable
              onClick={() => Taro.navigateTo({ url: UNIT_HALL_PAGE_URL })}
            />
          </Cell.Group>
        </View>
        {AREA.groups.map((group) => (
          <View key={group.title} className='sb-area__group'>
            <Text className='sb-section-title'>{group.title}</Text>
            <Cell.Group className='sb-links'>
              {group.items.map((item) => (
                <Cell
                  key={item.key}
                  className='unit-index__item'
                  data-key={item.key}
                  title={item.title}
                  description={item.brief}
                  extra={<ArrowRight size={14} />}
                  align='center'
                  clickable
                  onClick={() => openUnitItem(item.key)}
                />
              ))}
            </Cell.Group>
          </View>
        ))}
      </View>
    </PageShell>
  )
}
