import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Skeleton } from '@nutui/nutui-react-taro'
import { formatYuan } from '@shebao/shared'
import { Button } from '../../../components/Button'
import { CONTRIB_PAGES } from '../../../constants/pages'
import { useSessionUser } from '../../../hooks/useSession'
import { roleProps } from '../../../pages/login/a11y'
import { chineseDate, shanghaiMinute } from '../../../utils/time'
import ContribShell from '../../components/ContribShell'
import DataTable, { Progress, StatusTag, type Column } from '../../components/DataTable'
import {
  BILL_STATUS_FILTERS,
  contribApi,
  progressOf,
  STATUS_TONE,
  type BillListT,
  type BillSummaryT,
  type RefundListT
} from '../../lib/api'

type Load<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; message: string }
type Tab = 'bills' | 'refunds'
type RefundRowT = RefundListT['items'][number]

function message(e: unknown): string {
  return e instanceof Error ? e.message : '加载失败，请稍后重试'
}

const REFUND_COLUMNS: Column<RefundRowT>[] = [
  { key: 'name', title: '姓名', primary: true, render: (r) => <Text>{r.name}</Text> },
  { key: 'id', title: '证件号码', size: 'wide', render: (r) => <Text className='ct-mono'>{r.idNumber}</Text> },
  { key: 'type', title: '险种', render: (r) => <Text>{r.label}</Text> },
  { key: 'period', title: '费款所属期', render: (r) => <Text>{r.periodText}</Text> },
  { key: 'base', title: '缴费基数', num: true, render: (r) => <Text>{formatYuan(r.baseFen)}</Text> },
  { key: 'unit', title: '单位退费', num: true, render: (r) => <Text>{formatYuan(r.unitFen)}</Text> },
  { key: 'personal', title: '个人退费', num: true, render: (r) => <Text>{formatYuan(r.personalFen)}</Text> },
  { key: 'total', title: '退费合计', num: true, render: (r) => <Text>{r.totalYuan}</Text> },
  { key: 'at', title: '退费时间', render: (r) => <Text>{shanghaiMinute(r.paidAt) || '—'}</Text> }
]

/**
 * 业务单据查询 (§3.3.70) and 单位退费查询 (§3.3.71): the unit's 应缴认定单 with 征集通知单据号, period, amount, deadline,
 * status and 到账进度 (open one for its lines and PDF); and the refunded records with the refund account.
 */
export default function BillsPage() {
  const user = useSessionUser()
  const isUnit = user?.role === 'UNIT'
  const { params } = useRouter()
  const [tab, setTab] = useState<Tab>(params.tab === 'refunds' ? 'refunds' : 'bills')
  const [status, setStatus] = useState('')
  const [bills, setBills] = useState<Load<BillListT>>({ state: 'loading' })
  const [billPage, setBillPage] = useState(1)
  const [refunds, setRefunds] = useState<Load<RefundListT>>({ state: 'loading' })
  const [refundPage, setRefundPage] = useState(1)
  const [openProgress, setOpenProgress] = useState<string | null>(null)

  const loadBills = useCallback(
    async (p = 1) => {
      try {
        const r = await contribApi.bills(p, status || undefined)
        setBills((prev) => ({ state: 'ready', data: p === 1 || prev.state !== 'ready' ? r : { ...r, items: [...prev.data.items, ...r.items] } }))
        setBillPage(p)
      } catch (e) {
        setBills({ state: 'failed', message: message(e) })
      }
    },
    [status]
  )
  const loadRefunds = useCallback(async (p = 1) => {
    try {
      const r = await contribApi.refunds(p)
      setRefunds((prev) => ({ state: 'ready', data: p === 1 || prev.state !== 'ready' ? r : { ...r, items: [...prev.data.items, ...r.items] } }))
      setRefundPage(p)
    } catch (e) {
      setRefunds({ state: 'failed', message: message(e) })
    }
  }, [])

  useEffect(() => {
    if (isUnit && tab === 'bills') void loadBills(1)
  }, [isUnit, tab, loadBills])
  useEffect(() => {
    if (isUnit && tab === 'refunds') void loadRefunds(1)
  }, [isUnit, tab, loadRefunds])
  useDidShow(() => {
    if (isUnit && tab === 'bills' && bills.state === 'ready') void loadBills(1)
  })

  const billColumns: Column<BillSummaryT>[] = [
    {
      key: 'billNo',
      title: '征集通知单据号',
      primary: true,
      size: 'wide',
      render: (b) => (
        <Text className='ct-link ct-mono' onClick={() => Taro.navigateTo({ url: CONTRIB_PAGES.bill(b.billNo) })}>
          {b.billNo}
        </Text>
      )
    },
    { key: 'period', title: '费款所属期', render: (b) => <Text>{b.periodText}</Text> },
    { key: 'kind', title: '核定类型', render: (b) => <Text>{b.kindLabel}</Text> },
    { key: 'total', title: '应缴金额（元）', num: true, render: (b) => <Text className='ct-bill__total'>{b.totalYuan}</Text> },
    { key: 'deadline', title: '缴费截止日期', render: (b) => <Text>{chineseDate(b.deadline)}</Text> },
    { key: 'status', title: '状态', size: 'narrow', render: (b) => <StatusTag tone={STATUS_TONE[b.status] ?? 'muted'}>{b.statusLabel}</StatusTag> },
    {
      key: 'progress',
      title: '到账进度',
      render: (b) => {
        const p = progressOf(b)
        return (
          <Text className='ct-bill__progress'>
            {p.done}/{p.total} {p.last}
          </Text>
        )
      }
    }
  ]

  const billActions = (b: BillSummaryT) => (
    <>
      <Button size='small' type='primary' fill='outline' className='ct-open-bill' onClick={() => Taro.navigateTo({ url: CONTRIB_PAGES.bill(b.billNo) })}>
        查看单据
      </Button>
      <Text className='ct-link ct-progress-toggle' onClick={() => setOpenProgress(openProgress === b.billNo ? null : b.billNo)}>
        {openProgress === b.billNo ? '收起进度' : '到账进度'}
      </Text>
    </>
  )

  const refundData = refunds.state === 'ready' ? refunds.data : null

  return (
    <ContribShell title='业务单据查询' className='ct-bills'>
      <View className='ct-tabs' {...roleProps('tablist')}>
        <View className={`ct-tab ${tab === 'bills' ? 'ct-tab--on' : ''}`} {...roleProps('tab')} onClick={() => setTab('bills')}>
          <Text>应缴认定单</Text>
        </View>
        <View className={`ct-tab ct-tab--refunds ${tab === 'refunds' ? 'ct-tab--on' : ''}`} {...roleProps('tab')} onClick={() => setTab('refunds')}>
          <Text>单位退费查询</Text>
        </View>
      </View>

      {tab === 'bills' && (
        <>
          <View className='ct-section'>
            <Text className='ct-section__title'>社会保险费应缴认定单</Text>
            <Text className='ct-section__extra'>共 {bills.state === 'ready' ? bills.data.total : 0} 张</Text>
          </View>
          <View className='ct-chips ct-status-filter'>
            {BILL_STATUS_FILTERS.map((f) => (
              <Text
                key={f.value}
                className={`ct-chip ${f.value === status ? 'ct-chip--on' : ''}`}
                onClick={() => {
                  setOpenProgress(null)
                  setStatus(f.value)
                }}
              >
                {f.label}
              </Text>
            ))}
          </View>
          <View className='ct-card'>
            {bills.state === 'loading' && <Skeleton rows={4} animated />}
            {bills.state === 'failed' && (
              <View className='ct-state' {...roleProps('alert')}>
                <Text>{bills.message}</Text>
                <Button size='small' type='primary' fill='outline' onClick={() => void loadBills(1)}>
                  重试
                </Button>
              </View>
            )}
            {bills.state === 'ready' && (
              <DataTable
                columns={billColumns}
                rows={bills.data.items}
                rowKey={(b) => b.billNo}
                rowClass='ct-bill-row'
                rowData={(b) => ({ 'bill-no': b.billNo, status: b.status })}
                actions={billActions}
                extra={(b) =>
                  openProgress === b.billNo ? (
                    <View className='ct-bill__steps'>
                      <Progress steps={b.progress} />
                      <Text className='ct-note'>
                        缴费认定 {b.issuedAtText}
                        {b.paidAt ? `；到账 ${shanghaiMinute(b.paidAt)}` : '；税务开票、登账及实收分配在缴费到账后完成'}
                      </Text>
                    </View>
                  ) : null
                }
                empty={status ? '没有该状态的单据' : '还没有开具过应缴认定单。请在“单位缴费申报”中申报当月后开具。'}
                label='应缴认定单'
              />
            )}
            {bills.state === 'ready' && bills.data.items.length < bills.data.total && (
              <View className='ct-table__more'>
                <Button size='small' fill='none' onClick={() => void loadBills(billPage + 1)}>
                  加载更多
                </Button>
              </View>
            )}
          </View>
          <View className='ct-actions ct-actions--pad'>
            <Button size='small' type='primary' fill='outline' onClick={() => Taro.navigateTo({ url: CONTRIB_PAGES.declaration })}>
              单位缴费申报
            </Button>
          </View>
        </>
      )}

      {tab === 'refunds' && (
        <>
          <View className='ct-section'>
            <Text className='ct-section__title'>单位退费查询</Text>
            <Text className='ct-section__extra'>共 {refundData?.total ?? 0} 条，金额单位：元</Text>
          </View>
          {refunds.state === 'loading' && (
            <View className='ct-card'>
              <Skeleton rows={4} animated />
            </View>
          )}
          {refunds.state === 'failed' && (
            <View className='ct-card ct-state' {...roleProps('alert')}>
              <Text>{refunds.message}</Text>
              <Button size='small' type='primary' fill='outline' onClick={() => void loadRefunds(1)}>
                重试
              </Button>
            </View>
          )}
          {refundData && (
            <>
              <View className='ct-card ct-refund-account'>
                <Text className='ct-card__sub'>退收银行账户</Text>
                {refundData.account ? (
                  <Text className='ct-refund-account__text'>
                    {refundData.account.bankName} · {refundData.account.accountName} · {refundData.account.accountNumber}
                  </Text>
                ) : (
                  <Text className='ct-muted'>未登记退收银行账户。办理多缴退费前，请在“单位一般信息变更”中添加退款银行账户。</Text>
                )}
              </View>
              <View className='ct-card'>
                <DataTable
                  columns={REFUND_COLUMNS}
                  rows={refundData.items}
                  rowKey={(r) => `${r.personNo}-${r.insuranceType}-${r.period}`}
                  rowClass='ct-refund-row'
                  empty='没有退费记录。多缴退费经审核通过后，退费的缴费记录显示在这里。'
                  label='退费信息'
                />
                {refundData.items.length < refundData.total && (
                  <View className='ct-table__more'>
                    <Button size='small' fill='none' onClick={() => void loadRefunds(refundPage + 1)}>
                      加载更多
                    </Button>
                  </View>
                )}
              </View>
            </>
          )}
        </>
      )}
    </ContribShell>
  )
}
