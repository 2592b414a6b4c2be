import { ScrollView, Text, View } from '@tarojs/components'
import type { ContributionSummaryYear } from '@shebao/shared'
import '../styles/query.scss'

export interface ContributionChartProps {
  /** One entry per year, oldest first (GET /api/me/contributions/summary). */
  years: ContributionSummaryYear[]
  insuranceLabel: string
  selectedYear: number | null
  onSelect: (year: number) => void
}

/** "5,678.90" → "5,679": the bar's label, rounded to the yuan (the exact figure is in the line below the chart). */
function roundYuan(fen: number): string {
  return Math.round(fen / 100).toLocaleString('en-US')
}

/**
 * 缴费基数与到账月数 over the years, drawn with plain Views (CSS bars, no chart library: the subpackage stays small on
 * weapp). Per year: a blue bar for the average contribution base (scaled to the highest year) and a green bar for
 * the months paid (scaled to 12). Tapping a year selects it. The exact figures of the selected year are written
 * out under the chart.
 */
export default function ContributionChart({ years, insuranceLabel, selectedYear, onSelect }: ContributionChartProps) {
  const maxBase = Math.max(1, ...years.map((y) => y.averageBaseFen))
  const selected = years.find((y) => y.year === selectedYear) ?? null
  return (
    <View className='sb-card q-chart' ariaLabel={`${insuranceLabel}历年缴费基数与到账月数图`}>
      <View className='q-chart__legend'>
        <View className='q-chart__key q-chart__key--base' />
        <Text className='q-chart__legend-text'>平均缴费基数（元）</Text>
        <View className='q-chart__key q-chart__key--months' />
        <Text className='q-chart__legend-text'>到账月数</Text>
      </View>
      {/* opens at the right end: the newest years, with older ones a swipe away */}
      <ScrollView className='q-chart__scroll' scrollX enableFlex scrollLeft={100000}>
        <View className='q-chart__plot'>
          {years.map((y) => (
            <View
              key={y.year}
              className={`q-chart__year${y.year === selectedYear ? ' q-chart__year--on' : ''}`}
              data-year={y.year}
              data-base-fen={y.averageBaseFen}
              data-paid-months={y.paidMonths}
              onClick={() => onSelect(y.year)}
              ariaRole='button'
              ariaLabel={`${y.year}年，平均缴费基数${y.averageBaseYuan}元，到账${y.paidMonths}个月`}
            >
              <View className='q-chart__bars'>
                <View className='q-chart__col'>
                  <Text className='q-chart__value q-chart__value--base'>{roundYuan(y.averageBaseFen)}</Text>
                  <View className='q-chart__bar q-chart__bar--base' style={{ height: `${Math.round((y.averageBaseFen / maxBase) * 100)}%` }} />
                </View>
                <View className='q-chart__col'>
                  <Text className='q-chart__value q-chart__value--months'>{y.paidMonths}</Text>
                  <View className='q-chart__bar q-chart__bar--months' style={{ height: `${Math.round((y.paidMonths / 12) * 100)}%` }} />
                </View>
              </View>
              <Text className='q-chart__label'>{y.year}</Text>
            </View>
          ))}
        </View>
      </ScrollView>
      {selected && (
        <Text className='q-chart__caption' data-caption-year={selected.year}>
          {selected.year}年{insuranceLabel}：平均缴费基数 {selected.averageBaseYuan} 元，到账 {selected.paidMonths} 个月
          {selected.arrearsMonths > 0 ? `，欠费 ${selected.arrearsMonths} 个月` : ''}
        </Text>
      )}
    </View>
  )
}
