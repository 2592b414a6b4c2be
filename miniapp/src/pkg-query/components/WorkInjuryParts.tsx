import { Text, View } from '@tarojs/components'
import type { AppraisalRow, WorkInjuryBenefitYear } from '@shebao/shared'
import { toneClass } from '../../components/Status'
import '../styles/query.scss'

/** One 劳动能力鉴定. */
export function AppraisalCard({ a }: { a: AppraisalRow }) {
  return (
    <View className='q-item q-injury__appraisal'>
      <View className='q-item__head'>
        <Text className='q-item__title'>劳动能力鉴定（{a.kindLabel}）</Text>
        {a.disabilityLevelLabel && <Text className={toneClass('warn')}>伤残{a.disabilityLevelLabel}</Text>}
      </View>
      <Text className='q-item__sub'>鉴定编号 {a.appraisalNo}</Text>
      <View className='q-kv'>
        <Text className='q-kv__k'>鉴定日期</Text>
        <Text className='q-kv__v'>{a.appraisedOn}</Text>
      </View>
      {a.careLevel && (
        <View className='q-kv'>
          <Text className='q-kv__k'>生活自理障碍</Text>
          <Text className='q-kv__v'>{a.careLevel}</Text>
        </View>
      )}
      <View className='q-kv'>
        <Text className='q-kv__k'>鉴定结论</Text>
        <Text className='q-kv__v'>{a.conclusion}</Text>
      </View>
    </View>
  )
}

/** 长期工伤待遇, one card per year. */
export function BenefitYears({ years }: { years: WorkInjuryBenefitYear[] }) {
  return (
    <>
      {years.map((y) => (
        <View key={y.year} className='q-item q-injury__benefit' data-year={y.year}>
          <View className='q-item__head'>
            <Text className='q-item__title'>{y.year}年</Text>
            <Text className='q-item__sub'>发放 {y.months} 个月</Text>
          </View>
          {y.items.map((it) => (
            <View className='q-kv' key={it.item}>
              <Text className='q-kv__k'>
                {it.item}（{it.months}个月）
              </Text>
              <Text className='q-kv__v'>{it.amountYuan} 元</Text>
            </View>
          ))}
          <View className='q-kv'>
            <Text className='q-kv__k'>合计</Text>
            <Text className='q-kv__v q-benefits__amount'>{y.totalYuan} 元</Text>
          </View>
        </View>
      ))}
    </>
  )
}
