import { Text, View } from '@tarojs/components'
import type { AccountResponse } from '@shebao/shared'
import PageShell from '../../../components/PageShell'
import { useApi } from '../../../hooks/useApi'
import QueryState from '../../components/QueryState'
import '../../styles/query.scss'

function Row({ k, v }: { k: string; v: string }) {
  return (
    <View className='q-kv'>
      <Text className='q-kv__k'>{k}</Text>
      <Text className='q-kv__v'>{v}</Text>
    </View>
  )
}

/** 个人账户: the balance, then each year's ledger (newest first). */
export default function AccountPage() {
  const account = useApi<AccountResponse>('/api/me/account')
  const data = account.data
  return (
    <PageShell className='q-account'>
      <QueryState {...account} ready={data !== null} empty={data?.items.length === 0} emptyText='没有查到养老保险个人账户记录。个人账户在参加企业职工基本养老保险并缴费后按年记账。'>
        {data && (
          <>
            <View className='sb-card q-first q-account__balance'>
              <Text className='q-item__sub'>{data.balanceYear}年末个人账户累计储存额（元）</Text>
              <Text className='q-account__amount'>{data.balanceYuan}</Text>
              <View className='q-totals'>
                <View className='q-total'>
                  <Text className='q-total__v'>{data.totalCreditedYuan}</Text>
                  <Text className='q-total__k'>历年记账额合计（元）</Text>
                </View>
                <View className='q-total'>
                  <Text className='q-total__v'>{data.totalInterestYuan}</Text>
                  <Text className='q-total__k'>历年利息合计（元）</Text>
                </View>
              </View>
            </View>
            <Text className='sb-section-title'>年度记账明细（金额单位：元）</Text>
            {[...data.items].reverse().map((y) => (
              <View key={y.year} className='q-item q-account__year' data-year={y.year}>
                <View className='q-item__head'>
                  <Text className='q-item__title'>{y.year}年</Text>
                  <Text className='q-item__sub'>记账利率 {y.rateText}</Text>
                </View>
                <Row k='上年末累计储存额' v={y.openingYuan} />
                <Row k={`当年记账额（${y.creditedMonths}个月）`} v={y.creditedYuan} />
                <Row k='当年记账利息' v={y.interestYuan} />
                <Row k='年末累计储存额' v={y.closingYuan} />
              </View>
            ))}
            <Text className='q-item__note q-account__rule'>
              记账利息 = 上年末累计储存额 × 当年记账利率 + 当年记账额 × 当年记账利率 × 1.083 × 1/2（劳办发〔1997〕116号），四舍五入到分。
            </Text>
          </>
        )}
      </QueryState>
    </PageShell>
  )
}
