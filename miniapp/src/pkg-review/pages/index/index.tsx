import { useEffect, useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Checkbox, Input } from '@nutui/nutui-react-taro'
import { Button } from '../../../components/Button'
import PageShell from '../../../components/PageShell'
import { useSessionUser } from '../../../hooks/useSession'
import { api } from '../../../services/api'
import { toastError, toastSuccess } from '../../../services/toast'
import { STATUS_TONE, type CaseSummaryT, type MatterSummaryT, type PagedT } from '../../../pkg-matters/lib/types'
import { shanghaiMinute } from '../../../utils/time'
import FilterButtons from '../../components/FilterButtons'
import Pager from '../../components/Pager'
import { useReviewList } from '../../lib/useReviewList'
import '../../styles/review.scss'

const STATUSES = [
  { value: 'SUBMITTED', label: '待审核' },
  { value: 'EFFECTIVE', label: '办结' },
  { value: 'APPROVED', label: '审核通过' },
  { value: 'RETURNED', label: '退回' },
  { value: 'WITHDRAWN', label: '撤销' }
]
const PAGE_SIZE = 20

export const REVIEW_DETAIL = (serialNo: string) => `/pkg-review/pages/detail/index?serialNo=${serialNo}`
export const REVIEW_BILLS = '/pkg-review/pages/bills/index'
export const REVIEW_AUDIT_BASES = '/pkg-review/pages/audit-bases/index'

interface Filters {
  status: string
  matterCode: string
  unit: string
  from: string
  to: string
}

/** 审核工作台: the queue with filters (matter, unit, date, status) and paging; approve several at once. */
export default function ReviewQueue() {
  const user = useSessionUser()
  const [matters, setMatters] = useState<MatterSummaryT[]>([])
  const { isReviewer, draft, setDraft, filters, search, apply, page, setPage, data, reload: load } = useReviewList<Filters, PagedT<CaseSummaryT>>(
    { status: 'SUBMITTED', matterCode: '', unit: '', from: '', to: '' },
    (filters, page) => {
      const unit = filters.unit.trim()
      return api.get<PagedT<CaseSummaryT>>('/api/review/cases', {
        query: {
          page,
          pageSize: PAGE_SIZE,
          status: filters.status || undefined,
          matterCode: filters.matterCode || undefined,
          ...(unit ? (/^[A-Za-z0-9]+$/.test(unit) ? { unitNo: unit } : { unitName: unit }) : {}),
          from: filters.from || undefined,
          to: filters.to || undefined
        }
      })
    }
  )
  const [selected, setSelected] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (isReviewer) api.get<{ items: MatterSummaryT[] }>('/api/matters').then((r) => setMatters(r.items), () => undefined)
  }, [isReviewer])

  // a fresh page of the queue: nothing selected on it yet
  useEffect(() => setSelected([]), [data])

  const approve = async () => {
    if (selected.length === 0) return toastError('请选择要审核通过的业务')
    setBusy(true)
    try {
      const r = await api.post<{ approved: number; failed: number; results: { serialNo: string; ok: boolean; error?: { message: string } }[] }>(
        '/api/review/cases/approve',
        { serialNos: selected },
        { loading: '审核中' }
      )
      if (r.failed > 0) toastError(`通过 ${r.approved} 笔，失败 ${r.failed} 笔：${r.results.find((x) => !x.ok)?.error?.message ?? ''}`)
      else toastSuccess(`已审核通过 ${r.approved} 笔`)
      await load()
    } catch {
      // toasted
    } finally {
      setBusy(false)
    }
  }

  const pendingRows = (data?.items ?? []).filter((c) => c.status === 'SUBMITTED')
  const allChecked = pendingRows.length > 0 && pendingRows.every((c) => selected.includes(c.serialNo))
  const matterOptions = [{ code: '', name: '全部事项' }, ...matters.map((m) => ({ code: m.code, name: m.name }))]
  const matterIdx = Math.max(0, matterOptions.findIndex((m) => m.code === draft.matterCode))

  return (
    <PageShell className='rv rv-queue'>
      <View className='rv-top'>
        <Text className='rv-top__title'>社保中心审核工作台</Text>
        <Text className='rv-top__back rv-link rv-bills-link' onClick={() => Taro.navigateTo({ url: REVIEW_BILLS })}>
          应缴认定单到账 ›
        </Text>
        <Text className='rv-top__back rv-link rv-audit-bases-link' onClick={() => Taro.navigateTo({ url: REVIEW_AUDIT_BASES })}>
          稽核认定缴费基数 ›
        </Text>
        <Text className='rv-top__user'>{user?.name ? `审核员：${user.name}` : ''}</Text>
      </View>
      <View className='rv-panel rv-filters'>
        <View className='rv-filters__status' ariaRole='tablist'>
          {STATUSES.map((s) => (
            <Text
              key={s.value}
              className={`rv-tab ${s.value === draft.status ? 'is-active' : ''}`}
              onClick={() => apply({ ...draft, status: s.value })}
            >
              {s.label}
            </Text>
          ))}
        </View>
        <View className='rv-filters__row'>
          <View className='rv-filter'>
            <Text className='rv-filter__label'>事项</Text>
            <Picker mode='selector' range={matterOptions.map((m) => m.name)} value={matterIdx} onChange={(e) => setDraft({ ...draft, matterCode: matterOptions[Number(e.detail.value)]!.code })}>
              <Text className='rv-filter__picker rv-filter__matter'>{matterOptions[matterIdx]!.name}</Text>
            </Picker>
          </View>
          <View className='rv-filter'>
            <Text className='rv-filter__label'>单位</Text>
            <Input className='rv-filter__input' name='unit' value={draft.unit} onChange={(v) => setDraft({ ...draft, unit: v })} placeholder='单位编号或名称' />
          </View>
          <View className='rv-filter'>
            <Text className='rv-filter__label'>提交日期</Text>
            <Picker mode='date' value={draft.from || new Date().toISOString().slice(0, 10)} onChange={(e) => setDraft({ ...draft, from: String(e.detail.value) })}>
              <Text className={`rv-filter__picker ${draft.from ? '' : 'is-empty'}`}>{draft.from || '开始日期'}</Text>
            </Picker>
            <Text className='rv-filter__dash'>至</Text>
            <Picker mode='date' value={draft.to || new Date().toISOString().slice(0, 10)} onChange={(e) => setDraft({ ...draft, to: String(e.detail.value) })}>
              <Text className={`rv-filter__picker ${draft.to ? '' : 'is-empty'}`}>{draft.to || '结束日期'}</Text>
            </Picker>
          </View>
          <FilterButtons onSearch={search} onReset={() => apply({ status: draft.status, matterCode: '', unit: '', from: '', to: '' })} />
        </View>
      </View>

      <View className='rv-panel'>
        <View className='rv-bar'>
          <Text className='rv-bar__count'>共 {data?.total ?? 0} 笔</Text>
          {filters.status === 'SUBMITTED' && (
            <Button size='small' type='primary' disabled={busy || selected.length === 0} onClick={approve} className='rv-approve-selected'>
              批量审核通过{selected.length ? `（${selected.length}）` : ''}
            </Button>
          )}
        </View>
        <View className='rv-table'>
          <View className='rv-table__row rv-table__row--head'>
            <View className='rv-table__cell rv-table__cell--check'>
              {filters.status === 'SUBMITTED' && (
                <Checkbox checked={allChecked} onChange={(c) => setSelected(c ? pendingRows.map((r) => r.serialNo) : [])} aria-label='全选' />
              )}
            </View>
            <Text className='rv-table__cell rv-table__cell--serial'>业务流水号</Text>
            <Text className='rv-table__cell rv-table__cell--wide'>事项</Text>
            <Text className='rv-table__cell rv-table__cell--wide'>单位</Text>
            <Text className='rv-table__cell'>申报人</Text>
            <Text className='rv-table__cell rv-table__cell--num'>人数</Text>
            <Text className='rv-table__cell'>提交时间</Text>
            <Text className='rv-table__cell'>状态</Text>
            <Text className='rv-table__cell rv-table__cell--op'>操作</Text>
          </View>
          {data?.items.length === 0 && <Text className='rv-empty'>没有符合条件的办件</Text>}
          {data?.items.map((c) => (
            <View key={c.serialNo} className='rv-table__row' data-serial={c.serialNo}>
              <View className='rv-table__cell rv-table__cell--check'>
                {c.status === 'SUBMITTED' && (
                  <Checkbox
                    checked={selected.includes(c.serialNo)}
                    onChange={(on) => setSelected((s) => (on ? [...s, c.serialNo] : s.filter((x) => x !== c.serialNo)))}
                    aria-label={`选择 ${c.serialNo}`}
                  />
                )}
              </View>
              <Text className='rv-table__cell rv-table__cell--serial'>{c.serialNo}</Text>
              <Text className='rv-table__cell rv-table__cell--wide'>{c.matterName}</Text>
              <Text className='rv-table__cell rv-table__cell--wide'>{c.unit ? `${c.unit.name}` : '个人'}</Text>
              <Text className='rv-table__cell'>{c.applicantName}</Text>
              <Text className='rv-table__cell rv-table__cell--num'>{c.itemCount}</Text>
              <Text className='rv-table__cell'>{shanghaiMinute(c.submittedAt)}</Text>
              <Text className='rv-table__cell'>
                <Text className={`rv-status rv-status--${STATUS_TONE[c.status] ?? 'draft'}`}>{c.statusLabel}</Text>
              </Text>
              <Text className='rv-table__cell rv-table__cell--op rv-link rv-open' onClick={() => Taro.navigateTo({ url: REVIEW_DETAIL(c.serialNo) })}>
                {c.status === 'SUBMITTED' ? '审核' : '查看'}
              </Text>
            </View>
          ))}
        </View>
        {data && <Pager page={page} total={data.total} pageSize={PAGE_SIZE} onPage={setPage} />}
      </View>
    </PageShell>
  )
}
