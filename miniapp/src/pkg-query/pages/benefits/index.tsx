import { useEffect, useState } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Cell } from '@nutui/nutui-react-taro'
import { ArrowRight } from '@nutui/icons-react-taro'
import type { PaymentKind, PaymentRow, PaymentsResponse } from '@shebao/shared'
import LoadMore from '../../../components/LoadMore'
import PageShell from '../../../components/PageShell'
import { statusClass } from '../../../components/Status'
import { QUERY_PAGES } from '../../../constants/pages'
import { usePaged } from '../../../hooks/useApi'
import QueryState from '../../components/QueryState'
import '../../styles/query.scss'

/** Which kinds a page shows: 养老待遇 (基本养老金, 代发待遇) or 机关养老 / 职业年金. */
const GROUPS: Record<string, { title: string; kinds: { kind: PaymentKind; label: string }[] }> = {
  pension: {
    title: '养老待遇',
    kinds: [
      { kind: 'BASIC_PENSION', label: '基本养老金' },
      { kind: 'PROXY_BENEFIT', label: '代发待遇' }
    ]
  },
  public: {
    title: '机关养老与职业年金',
    kinds: [
      { kind: 'PUBLIC_PENSION', label: '机关事业单位养老金' },
      { kind: 'OCCUPATIONAL_ANNUITY', label: '职业年金' }
    ]
  }
}

function Chip({ on, label, onClick }: { on: boolean; label: string; onClick: () => void }) {
  return (
    <View className={`q-chip${on ? ' q-chip--on' : ''}`} onClick={onClick} ariaRole='button' ariaLabel={label}>
      {label}
    </View>
  )
}

/** Payments month by month, by kind and year, with the masked bank account and the status. */
export default function BenefitsPage() {
  const router = useRouter()
  const group = GROUPS[router.params.group ?? 'pension'] ?? (GROUPS.pension as (typeof GROUPS)[string])
  const [kind, setKind] = useState<PaymentKind>(group.kinds[0]!.kind)
  const [year, setYear] = useState<number | undefined>(undefined)
  const list = usePaged<PaymentRow, PaymentsResponse>('/api/me/payments', { kind, year })
  const data = list.data

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: group.title }).catch(() => undefined)
  }, [group.title])

  // the person has none of this kind but has the other one of the group: show that
  useEffect(() => {
    if (!data || data.total > 0 || year !== undefined) return
    const other = group.kinds.find((k) => k.kind !== kind && data.kinds.some((h) => h.kind === k.kind))
    if (other) setKind(other.kind)
  }, [data, kind, year, group])

  const has = (k: PaymentKind) => data?.kinds.some((h) => h.kind === k) ?? false
  const noneOfGroup = data !== null && !group.kinds.some((k) => has(k.kind))
  return (
    <PageShell className='q-benefits'>
      <QueryState
        {...list}
        ready={data !== null}
        empty={noneOfGroup}
        emptyText={`没有查到${group.title}的发放记录。`}
      >
        {data && (
          <>
            <View className='q-chips q-benefits__kinds'>
              {group.kinds
                .filter((k) => has(k.kind) || k.kind === kind)
                .map((k) => (
                  <Chip key={k.kind} on={kind === k.kind} label={k.label} onClick={() => { setKind(k.kind); setYear(undefined) }} />
                ))}
            </View>
            {data.years.length > 0 && (
              <ScrollView className='q-chips__scroll' scrollX enableFlex>
                <View className='q-chips q-benefits__years'>
                  <Chip on={year === undefined} label='全部年度' onClick={() => setYear(undefined)} />
                  {data.years.map((y) => (
                    <Chip key={y} on={year === y} label={`${y}年`} onClick={() => setYear(y)} />
                  ))}
                </View>
              </ScrollView>
            )}
            <View className='sb-card q-benefits__totals'>
              <View className='q-totals'>
                <View className='q-total'>
                  <Text className='q-total__v'>{data.totals.paidYuan}</Text>
                  <Text className='q-total__k'>{year ? `${year}年` : '累计'}已发放（元）</Text>
                </View>
                <View className='q-total'>
                  <Text className='q-total__v'>{data.totals.records}</Text>
                  <Text className='q-total__k'>发放记录（条）</Text>
                </View>
              </View>
            </View>
            {list.items.map((p) => (
              <View key={p.id} className='q-item q-benefits__item' data-period={p.period}>
                <View className='q-item__head'>
                  <Text className='q-item__title'>{p.periodText}</Text>
                  <Text className={statusClass(p.status)}>{p.statusLabel}</Text>
                </View>
                <View className='q-kv'>
                  <Text className='q-kv__k'>{p.item}</Text>
                  <Text className='q-kv__v q-benefits__amount'>{p.amountYuan} 元</Text>
                </View>
                {p.bankName && (
                  <View className='q-kv'>
                    <Text className='q-kv__k'>发放银行</Text>
                    <Text className='q-kv__v'>
                      {p.bankName} {p.bankAccount}
                    </Text>
                  </View>
                )}
                {p.paidOn && (
                  <View className='q-kv'>
                    <Text className='q-kv__k'>发放日期</Text>
                    <Text className='q-kv__v'>{p.paidOn}</Text>
                  </View>
                )}
              </View>
            ))}
            <LoadMore shown={list.items.length} total={data.total} hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onMore={list.loadMore} />
            {group === GROUPS.pension && (
              <Cell.Group className='sb-links'>
                <Cell
                  title='待遇资格认证记录'
                  description='查看历次认证时间与有效期'
                  extra={<ArrowRight size={14} />}
                  align='center'
                  clickable
                  onClick={() => Taro.navigateTo({ url: QUERY_PAGES.certifications })}
                />
              </Cell.Group>
            )}
          </>
        )}
      </QueryState>
    </PageShell>
  )
}
