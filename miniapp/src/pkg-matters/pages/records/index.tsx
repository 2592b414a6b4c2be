import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button } from '../../../components/Button'
import PageShell from '../../../components/PageShell'
import { MATTER_PAGES } from '../../../constants/pages'
import { api } from '../../../services/api'
import { shanghaiMinute } from '../../../utils/time'
import { STATUS_TONE, type CaseSummaryT, type PagedT } from '../../lib/types'
import '../../components/Wizard/index.scss'
import './index.scss'

const FILTERS: { value: string; label: string }[] = [
  { value: '', label: '全部' },
  { value: 'DRAFT', label: '保存' },
  { value: 'SUBMITTED', label: '已提交' },
  { value: 'EFFECTIVE', label: '办结' },
  { value: 'RETURNED', label: '退回' },
  { value: 'WITHDRAWN', label: '撤销' }
]
const PAGE_SIZE = 20

/** 办件记录 (§3.3.72): the unit's (or the person's) cases, newest first, by status. */
export default function RecordsPage() {
  const [status, setStatus] = useState('')
  const [items, setItems] = useState<CaseSummaryT[]>([])
  const [total, setTotal] = useState<number | null>(null)
  const [page, setPage] = useState(1)

  const load = useCallback(async (p: number, st: string) => {
    const r = await api.get<PagedT<CaseSummaryT>>('/api/cases', { query: { page: p, pageSize: PAGE_SIZE, status: st || undefined } }).catch(() => null)
    if (!r) return
    setItems((prev) => (p === 1 ? r.items : [...prev, ...r.items]))
    setTotal(r.total)
    setPage(p)
  }, [])

  useEffect(() => {
    load(1, status)
  }, [status, load])
  useDidShow(() => {
    if (total !== null) load(1, status)
  })

  return (
    <PageShell className='mr-list'>
      <View className='mr-filters' ariaRole='tablist'>
        {FILTERS.map((f) => (
          <Text key={f.value} className={`mr-filters__item ${f.value === status ? 'is-active' : ''}`} onClick={() => setStatus(f.value)}>
            {f.label}
          </Text>
        ))}
      </View>
      {total !== null && <Text className='sb-section-title'>共 {total} 件</Text>}
      {total === 0 && <Text className='sb-intro'>暂无办件记录</Text>}
      {items.map((c) => (
        <View key={c.serialNo} className='sb-card mr-item' data-serial={c.serialNo} onClick={() => Taro.navigateTo({ url: MATTER_PAGES.record(c.serialNo) })} ariaRole='button'>
          <View className='mr-item__top'>
            <Text className='mr-item__name'>{c.matterName}</Text>
            <Text className={`mw-status mw-status--${STATUS_TONE[c.status] ?? 'draft'}`}>{c.statusLabel}</Text>
          </View>
          <Text className='mr-item__meta'>业务流水号 {c.serialNo}</Text>
          <Text className='mr-item__meta'>
            申报人 {c.applicantName} · {c.itemCount > 0 ? `${c.itemCount} 人 · ` : ''}
            {shanghaiMinute(c.submittedAt ?? c.createdAt)}
          </Text>
          {c.returnReason && <Text className='mr-item__reason'>退回原因：{c.returnReason}</Text>}
        </View>
      ))}
      {total !== null && items.length < total && (
        <View className='mw-actions'>
          <Button block onClick={() => load(page + 1, status)}>
            加载更多
          </Button>
        </View>
      )}
    </PageShell>
  )
}
