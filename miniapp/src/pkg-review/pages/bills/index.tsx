import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Dialog, Input } from '@nutui/nutui-react-taro'
import { Button } from '../../../components/Button'
import PageShell from '../../../components/PageShell'
import { useSessionUser } from '../../../hooks/useSession'
import { roleProps } from '../../../pages/login/a11y'
import { ApiError } from '../../../services/api'
import { newIdempotencyKey } from '../../../services/idempotency'
import { toastError, toastSuccess } from '../../../services/toast'
import { BILL_STATUS_FILTERS, progressOf, reviewBillApi, type ReviewBillListT, type ReviewBillRowT } from '../../../pkg-contrib/lib/api'
import { chineseDate, shanghaiMinute } from '../../../utils/time'
import FilterButtons from '../../components/FilterButtons'
import Pager from '../../components/Pager'
import { useReviewList } from '../../lib/useReviewList'
import '../../styles/review.scss'
import './index.scss'

const PAGE_SIZE = 20
const STATUSES = [...BILL_STATUS_FILTERS.slice(1), BILL_STATUS_FILTERS[0]!]
const TONE: Record<string, string> = { VALID: 'pending', PAID: 'ok', EXPIRED: 'bad', REVOKED: 'draft' }

interface Filters {
  status: string
  unitNo: string
  period: string
}

/**
 * 应缴认定单（中心）: the bills of the units in the reviewer's region, by status, unit and period; 到账 marks a valid
 * bill paid (实缴到账 records, 最大核止期号, personal accounts) after a confirmation, with an Idempotency-Key per attempt.
 */
export default function ReviewBills() {
  const user = useSessionUser()
  const { draft, setDraft, search, apply, page, setPage, data, error, reload: load } = useReviewList<Filters, ReviewBillListT>(
    { status: 'VALID', unitNo: '', period: '' },
    (filters, page) => {
      const period = filters.period.trim()
      if (period && !/^\d{6}$/.test(period)) throw new Error('费款所属期请填写6位数字，如 202611')
      return reviewBillApi.list({
        page,
        status: filters.status || undefined,
        unitNo: filters.unitNo.trim() || undefined,
        period: period ? Number(period) : undefined
      })
    }
  )
  const [arriving, setArriving] = useState<{ bill: ReviewBillRowT; key: string } | null>(null)
  const [busy, setBusy] = useState(false)


  const arrive = async () => {
    if (!arriving || busy) return
    setBusy(true)
    try {
      const r = await reviewBillApi.arrive(arriving.bill.billNo, arriving.key)
      setArriving(null)
      toastSuccess(`已到账：缴费记录 ${r.records} 条，记入个人账户 ${r.creditedPersons} 人`)
      await load()
    } catch (e) {
      setArriving(null)
      toastError(e instanceof ApiError || e instanceof Error ? e.message : '到账失败，请稍后重试')
      await load()
    } finally {
      setBusy(false)
    }
  }


  return (
    <PageShell className='rv rv-bills'>
      <View className='rv-top'>
        <Text className='rv-top__back rv-link' onClick={() => (Taro.getCurrentPages().length > 1 ? Taro.navigateBack() : Taro.redirectTo({ url: '/pkg-review/pages/index/index' }))}>
          ‹ 审核工作台
        </Text>
        <Text className='rv-top__title'>应缴认定单到账</Text>
        <Text className='rv-top__user'>{user?.name ? `审核员：${user.name}` : ''}</Text>
      </View>
      <View className='rv-panel rv-filters'>
        <View className='rv-filters__status' ariaRole='tablist'>
          {STATUSES.map((s) => (
            <Text
              key={s.value || 'all'}
              className={`rv-tab ${s.value === draft.status ? 'is-active' : ''}`}
              onClick={() => {
                apply({ ...draft, status: s.value })
              }}
            >
              {s.label}
            </Text>
          ))}
        </View>
        <View className='rv-filters__row'>
          <View className='rv-filter'>
            <Text className='rv-filter__label'>单位编号</Text>
            <Input className='rv-filter__input' name='unitNo' value={draft.unitNo} onChange={(v) => setDraft({ ...draft, unitNo: v })} placeholder='单位编号' maxLength={20} />
          </View>
          <View className='rv-filter'>
            <Text className='rv-filter__label'>费款所属期</Text>
            <Input className='rv-filter__input rv-bills__period' name='period' type='digit' value={draft.period} onChange={(v) => setDraft({ ...draft, period: v })} placeholder='如 202611' maxLength={6} />
          </View>
          <FilterButtons onSearch={search} onReset={() => apply({ status: draft.status, unitNo: '', period: '' })} />
        </View>
      </View>

      <View className='rv-panel'>
        <View className='rv-bar'>
          <Text className='rv-bar__count'>共 {data?.total ?? 0} 张</Text>
          <Text className='rv-bills__hint'>到账：单位已按认定单缴费，税务征收到账后办理。到账后写入实缴到账缴费记录并记入个人账户，不可撤销。</Text>
        </View>
        {error && (
          <View className='rv-bills__error' {...roleProps('alert')}>
            <Text>{error}</Text>
          </View>
        )}
        <View className='rv-table'>
          <View className='rv-table__row rv-table__row--head'>
            <Text className='rv-table__cell rv-table__cell--serial'>征集通知单据号</Text>
            <Text className='rv-table__cell rv-table__cell--wide'>单位</Text>
            <Text className='rv-table__cell'>费款所属期</Text>
            <Text className='rv-table__cell'>核定类型</Text>
            <Text className='rv-table__cell rv-table__cell--money'>应缴金额（元）</Text>
            <Text className='rv-table__cell'>缴费截止日期</Text>
            <Text className='rv-table__cell'>状态</Text>
            <Text className='rv-table__cell rv-table__cell--op'>操作</Text>
          </View>
          {data?.items.length === 0 && <Text className='rv-empty'>没有符合条件的应缴认定单</Text>}
          {data?.items.map((b) => {
            const p = progressOf(b)
            return (
              <View key={b.billNo} className='rv-table__row rv-bill-row' data-bill-no={b.billNo} data-status={b.status}>
                <Text className='rv-table__cell rv-table__cell--serial'>{b.billNo}</Text>
                <View className='rv-table__cell rv-table__cell--wide'>
                  <Text className='rv-bills__unit'>{b.unitName}</Text>
                  <Text className='rv-bills__sub'>{b.unitNo}</Text>
                </View>
                <Text className='rv-table__cell'>{b.periodText}</Text>
                <Text className='rv-table__cell'>{b.kindLabel}</Text>
                <Text className='rv-table__cell rv-table__cell--money'>{b.totalYuan}</Text>
                <Text className='rv-table__cell'>{chineseDate(b.deadline)}</Text>
                <View className='rv-table__cell'>
                  <Text className={`rv-status rv-status--${TONE[b.status] ?? 'draft'}`}>{b.statusLabel}</Text>
                  <Text className='rv-bills__sub'>
                    {b.paidAt ? `到账 ${shanghaiMinute(b.paidAt)}` : `进度 ${p.done}/${p.total}`}
                  </Text>
                </View>
                <View className='rv-table__cell rv-table__cell--op'>
                  {b.status === 'VALID' ? (
                    <Button size='small' type='primary' disabled={busy} className='rv-arrive' onClick={() => setArriving({ bill: b, key: newIdempotencyKey() })}>
                      到账
                    </Button>
                  ) : (
                    <Text className='rv-bills__sub'>—</Text>
                  )}
                </View>
              </View>
            )
          })}
        </View>
        {data && <Pager page={page} total={data.total} pageSize={PAGE_SIZE} onPage={setPage} />}
      </View>

      <Dialog
        visible={arriving !== null}
        title='确认到账'
        confirmText='确认到账'
        cancelText='取消'
        disableConfirmButton={busy}
        onConfirm={() => arrive()}
        onCancel={() => setArriving(null)}
      >
        {arriving && (
          <Text className='rv-bills__confirm'>
            {`${arriving.bill.unitName}（${arriving.bill.unitNo}）\n应缴认定单 ${arriving.bill.billNo}\n费款所属期 ${arriving.bill.periodText}，应缴金额 ${arriving.bill.totalYuan} 元\n\n确认该单据已缴费到账？到账后写入实缴到账缴费记录、更新单位最大核止期号并记入职工个人账户，不可撤销。`}
          </Text>
        )}
      </Dialog>
    </PageShell>
  )
}
