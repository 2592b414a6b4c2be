import { useEffect, useState } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import { InsuranceTypes, type ContributionRow, type ContributionsResponse, type ContributionSummaryResponse } from '@shebao/shared'
import LoadMore from '../../../components/LoadMore'
import PageShell from '../../../components/PageShell'
import { statusClass } from '../../../components/Status'
import { useApi, usePaged } from '../../../hooks/useApi'
import ContributionChart from '../../components/ContributionChart'
import QueryState from '../../components/QueryState'
import '../../styles/query.scss'

type YearChoice = number | 'all' | null

/** Kinds other than 正常应缴, as a word under the month (the full label is long for a table cell). */
const KIND_SHORT: Record<string, string> = { BACK_PAYMENT: '补缴', ADJUSTMENT: '基数差额' }

function Chip({ id, on, label, onClick }: { id?: string; on: boolean; label: string; onClick: () => void }) {
  return (
    <View id={id} className={`q-chip${on ? ' q-chip--on' : ''}`} onClick={onClick} ariaRole='button' ariaLabel={label}>
      {label}
    </View>
  )
}

/**
 * 缴费信息: pick a year (latest first) and an insurance type; see the chart of the average base and the months paid
 * over the years, the year's totals, and the months one by one (20 at a time, 加载更多 for the rest).
 */
export default function ContributionsPage() {
  const [year, setYear] = useState<YearChoice>(null)
  const [type, setType] = useState<string | undefined>(undefined)
  const list = usePaged<ContributionRow, ContributionsResponse>('/api/me/contributions', {
    year: typeof year === 'number' ? year : undefined,
    insuranceType: type
  })
  const summary = useApi<ContributionSummaryResponse>('/api/me/contributions/summary', { insuranceType: type })
  const data = list.data

  // first answer (all years): open the latest year that has records
  useEffect(() => {
    if (year === null && data) setYear(data.years[0] ?? 'all')
  }, [year, data])

  const ready = data !== null && year !== null
  const oneYear = typeof year === 'number'
  const totals = data?.totals
  return (
    <PageShell className='q-contrib'>
      <QueryState
        {...list}
        ready={ready}
        empty={ready && data.years.length === 0}
        emptyText='没有查到您的缴费记录。新参保的月份通常在次月到账后显示。'
      >
        {data && (
          <>
            <View className='sb-card q-first q-contrib__head'>
              <Text className='q-card-title'>累计缴费 {data.monthsPaid} 个月</Text>
              <Text className='q-item__sub'>按企业职工（含机关事业单位）基本养老保险实缴、补缴到账的月份计算</Text>
            </View>

            {/* the chosen year stays in view, also when it was picked on the chart */}
            <ScrollView className='q-chips__scroll' scrollX enableFlex scrollIntoView={typeof year === 'number' ? `q-year-${year}` : undefined} scrollWithAnimation>
              <View className='q-chips q-contrib__years'>
                {data.years.map((y) => (
                  <Chip key={y} id={`q-year-${y}`} on={year === y} label={`${y}年`} onClick={() => setYear(y)} />
                ))}
                <Chip on={year === 'all'} label='全部年度' onClick={() => setYear('all')} />
              </View>
            </ScrollView>
            <ScrollView className='q-chips__scroll' scrollX enableFlex>
              <View className='q-chips q-contrib__types'>
                <Chip on={type === undefined} label='全部险种' onClick={() => setType(undefined)} />
                {data.insuranceTypes.map((t) => (
                  <Chip key={t.code} on={type === t.code} label={InsuranceTypes.get(t.code)?.shortLabel ?? t.label} onClick={() => setType(t.code)} />
                ))}
              </View>
            </ScrollView>

            {summary.data && summary.data.years.length > 0 && (
              <ContributionChart
                years={summary.data.years}
                insuranceLabel={summary.data.insuranceLabel}
                selectedYear={oneYear ? (year as number) : null}
                onSelect={(y) => setYear(y)}
              />
            )}

            {totals && (
              <View
                className='sb-card q-contrib__totals'
                data-year={data.year ?? 'all'}
                data-type={data.insuranceType ?? 'all'}
                data-paid-months={totals.paidMonths}
                data-average-base-fen={totals.averageBaseFen}
              >
                <Text className='q-card-title'>
                  {data.year ? `${data.year}年` : '全部年度'}
                  {data.insuranceType ? ` · ${InsuranceTypes.label(data.insuranceType)}` : ' · 全部险种'}合计
                </Text>
                <View className='q-totals'>
                  <View className='q-total'>
                    <Text className='q-total__v'>{totals.paidMonths}</Text>
                    <Text className='q-total__k'>到账月数</Text>
                  </View>
                  <View className='q-total'>
                    <Text className={`q-total__v${totals.arrearsMonths ? ' q-total__v--bad' : ''}`}>{totals.arrearsMonths}</Text>
                    <Text className='q-total__k'>欠费月数</Text>
                  </View>
                  <View className='q-total'>
                    <Text className='q-total__v'>{totals.averageBaseYuan}</Text>
                    <Text className='q-total__k'>平均缴费基数（元）</Text>
                  </View>
                  <View className='q-total'>
                    <Text className='q-total__v'>{totals.personalAmountYuan}</Text>
                    <Text className='q-total__k'>个人缴纳（元）</Text>
                  </View>
                  <View className='q-total'>
                    <Text className='q-total__v'>{totals.unitAmountYuan}</Text>
                    <Text className='q-total__k'>单位缴纳（元）</Text>
                  </View>
                  <View className='q-total'>
                    <Text className={`q-total__v${totals.arrearsAmountFen ? ' q-total__v--bad' : ''}`}>{totals.arrearsAmountYuan}</Text>
                    <Text className='q-total__k'>欠费金额（元）</Text>
                  </View>
                </View>
              </View>
            )}

            <Text className='sb-section-title'>缴费明细（共 {data.total} 条，金额单位：元）</Text>
            {data.total === 0 ? (
              <View className='sb-card'>
                <Text className='q-item__sub'>所选年度和险种没有缴费记录。</Text>
              </View>
            ) : (
              <View className='q-table' data-year={data.year ?? 'all'} data-type={data.insuranceType ?? 'all'}>
                <View className='q-table__row q-table__row--head'>
                  <Text className='q-table__cell q-table__cell--period'>{oneYear ? '月份' : '年月'}</Text>
                  <Text className='q-table__cell q-table__cell--type'>险种</Text>
                  <Text className='q-table__cell'>缴费基数</Text>
                  <Text className='q-table__cell'>单位</Text>
                  <Text className='q-table__cell'>个人</Text>
                  <Text className='q-table__cell q-table__cell--status'>状态</Text>
                </View>
                {list.items.map((r, i) => (
                  <View
                    key={`${r.period}-${r.insuranceType}-${r.kind}-${i}`}
                    className='q-table__row q-contrib__row'
                    data-period={r.period}
                    data-type={r.insuranceType}
                    data-status={r.status}
                    data-kind={r.kind}
                    data-base-fen={r.baseFen}
                  >
                    <View className='q-table__cell q-table__cell--period'>
                      <Text>{oneYear ? r.periodText.slice(5) : r.periodText}</Text>
                      {r.kind !== 'NORMAL' && <Text className='q-table__kind'>{KIND_SHORT[r.kind] ?? r.kindLabel}</Text>}
                    </View>
                    <Text className='q-table__cell q-table__cell--type'>{r.insuranceLabel}</Text>
                    <Text className='q-table__cell'>{r.baseYuan}</Text>
                    <Text className='q-table__cell'>{r.unitAmountYuan}</Text>
                    <Text className='q-table__cell'>{r.personalAmountYuan}</Text>
                    <View className='q-table__cell q-table__cell--status'>
                      <Text className={statusClass(r.status)}>{r.statusLabel}</Text>
                    </View>
                  </View>
                ))}
              </View>
            )}
            <LoadMore
              shown={list.items.length}
              total={data.total}
              hasMore={list.hasMore}
              loading={list.loadingMore}
              error={list.moreError}
              onMore={list.loadMore}
            />
          </>
        )}
      </QueryState>
    </PageShell>
  )
}
