import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Dialog, Skeleton } from '@nutui/nutui-react-taro'
import { formatYuan } from '@shebao/shared'
import { Button } from '../../../components/Button'
import { CONTRIB_PAGES } from '../../../constants/pages'
import { useSessionUser } from '../../../hooks/useSession'
import { roleProps } from '../../../pages/login/a11y'
import { openPdf } from '../../../platform'
import { newIdempotencyKey } from '../../../services/idempotency'
import { toastError, toastSuccess } from '../../../services/toast'
import { chineseDate, shanghaiMinute } from '../../../utils/time'
import ContribShell from '../../components/ContribShell'
import DataTable, { Progress, StatusTag, type Column } from '../../components/DataTable'
import { contribApi, STATUS_TONE, type BillDetailT } from '../../lib/api'

type Load = { state: 'loading' } | { state: 'ready'; data: BillDetailT } | { state: 'failed'; message: string }
type LineT = BillDetailT['lines'][number]
type CollectionT = BillDetailT['collection'][number]

const LINE_COLUMNS: Column<LineT>[] = [
  { key: 'label', title: '险种', primary: true, render: (l) => <Text>{l.label}</Text> },
  { key: 'unit', title: '单位缴纳金额', num: true, render: (l) => <Text>{l.unitYuan}</Text> },
  { key: 'personal', title: '个人缴纳金额', num: true, render: (l) => <Text>{l.personalYuan}</Text> },
  { key: 'interest', title: '利息', num: true, size: 'narrow', render: (l) => <Text>{l.interestYuan}</Text> },
  { key: 'late', title: '滞纳金', num: true, size: 'narrow', render: (l) => <Text>{l.lateFeeYuan}</Text> },
  { key: 'total', title: '应缴合计', num: true, render: (l) => <Text className='ct-line__total'>{l.totalYuan}</Text> }
]

const COLLECTION_COLUMNS: Column<CollectionT>[] = [
  { key: 'kind', title: '核定数据类型', primary: true, render: (c) => <Text>{c.kindLabel}</Text> },
  { key: 'unit', title: '单位缴纳金额', num: true, render: (c) => <Text>{c.unitYuan}</Text> },
  { key: 'personal', title: '个人缴纳金额', num: true, render: (c) => <Text>{c.personalYuan}</Text> },
  { key: 'late', title: '滞纳金', num: true, size: 'narrow', render: (c) => <Text>{c.lateFeeYuan}</Text> },
  { key: 'interest', title: '利息', num: true, size: 'narrow', render: (c) => <Text>{c.interestYuan}</Text> },
  { key: 'total', title: '应缴金额', num: true, render: (c) => <Text>{c.totalYuan}</Text> }
]

type Confirm = { kind: 'revoke' | 'reissue'; key: string }

/**
 * 社会保险费应缴认定单 (seed §4.9.2) on screen: lines per insurance type (unit, personal, interest, late fee, total),
 * the total in capital numerals, 征集明细, the notes with the deadline; status and 到账进度; 打印/查看 PDF; 撤销 and
 * 撤销并重新生成 while the bill may still be withdrawn (R47), or 重新生成 once it has expired.
 */
export default function BillPage() {
  const user = useSessionUser()
  const isUnit = user?.role === 'UNIT'
  const { params } = useRouter()
  const billNo = String(params.billNo ?? '')
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [confirm, setConfirm] = useState<Confirm | null>(null)
  const [busy, setBusy] = useState(false)

  const fetchBill = useCallback(async () => {
    if (!/^\d{16}$/.test(billNo)) {
      setLoad({ state: 'failed', message: '单据号无效，请从业务单据查询中打开单据' })
      return
    }
    try {
      setLoad({ state: 'ready', data: await contribApi.bill(billNo) })
    } catch (e) {
      setLoad({ state: 'failed', message: e instanceof Error ? e.message : '加载失败，请稍后重试' })
    }
  }, [billNo])

  useEffect(() => {
    if (isUnit) void fetchBill()
  }, [isUnit, fetchBill])

  const bill = load.state === 'ready' ? load.data : null

  const printPdf = async () => {
    if (!bill) return
    try {
      await openPdf(contribApi.billPdfPath(bill.billNo))
    } catch (e) {
      toastError(e instanceof Error ? e.message : '文件打开失败，请稍后重试')
    }
  }

  const runConfirm = async () => {
    if (!bill || !confirm || busy) return
    setBusy(true)
    try {
      if (confirm.kind === 'revoke') {
        setLoad({ state: 'ready', data: await contribApi.revokeBill(bill.billNo, confirm.key) })
        setConfirm(null)
        toastSuccess('已撤销')
      } else {
        const fresh = await contribApi.reissueBill(bill.billNo, confirm.key)
        setConfirm(null)
        toastSuccess('已重新生成')
        Taro.redirectTo({ url: CONTRIB_PAGES.bill(fresh.billNo) })
      }
    } catch {
      // toasted; the bill may have changed meanwhile
      setConfirm(null)
      await fetchBill()
    } finally {
      setBusy(false)
    }
  }

  const canReissue = bill ? bill.declarationId !== null && ((bill.status === 'VALID' && bill.revocable) || bill.status === 'EXPIRED') : false

  return (
    <ContribShell title='社会保险费应缴认定单' unit={bill ? { name: bill.unitName, unitNo: bill.unitNo } : null} className='ct-bill'>
      {load.state === 'loading' && (
        <View className='ct-card ct-card--first'>
          <Skeleton rows={6} animated />
        </View>
      )}
      {load.state === 'failed' && (
        <View className='ct-card ct-card--first ct-state' {...roleProps('alert')}>
          <Text>{load.message}</Text>
          <View className='ct-actions'>
            <Button size='small' type='primary' fill='outline' onClick={() => void fetchBill()}>
              重试
            </Button>
            <Button size='small' fill='none' onClick={() => Taro.redirectTo({ url: CONTRIB_PAGES.bills })}>
              业务单据查询
            </Button>
          </View>
        </View>
      )}
      {bill && (
        <>
          <View className='ct-card ct-card--first ct-bill-status' data-status={bill.status} data-bill-no={bill.billNo}>
            <View className='ct-card__head'>
              <View>
                <Text className='ct-card__title'>应缴金额 {bill.totalYuan} 元</Text>
                <Text className='ct-card__sub'>
                  费款所属期 {bill.periodText} · {bill.kindLabel} · 缴费截止日期 {chineseDate(bill.deadline)}
                </Text>
              </View>
              <StatusTag tone={STATUS_TONE[bill.status] ?? 'muted'} className='ct-bill-status__tag'>
                {bill.statusLabel}
              </StatusTag>
            </View>
            <Progress steps={bill.progress} />
            <Text className='ct-note'>
              {bill.status === 'VALID' && `请在${chineseDate(bill.deadline)}前到税务征收机构缴纳；过期作废，可重新生成缴费单据。`}
              {bill.status === 'PAID' && `已于 ${shanghaiMinute(bill.paidAt)} 缴费到账，缴费记录已记入职工个人权益。`}
              {bill.status === 'EXPIRED' && '已过缴费截止日期作废。可重新生成缴费单据（超出当月的，从次月1日起加收利息和滞纳金）。'}
              {bill.status === 'REVOKED' && `已于 ${shanghaiMinute(bill.revokedAt)} 撤销，对应的缴费申报可重新开具应缴认定单或撤销申报。`}
              {bill.supersedes ? ` 本单据由单据 ${bill.supersedes} 重新生成。` : ''}
            </Text>
            <View className='ct-actions'>
              <Button type='primary' className='ct-pdf' onClick={() => void printPdf()}>
                打印/查看 PDF
              </Button>
              {bill.status === 'VALID' && bill.revocable && (
                <Button fill='outline' disabled={busy} className='ct-bill-revoke ct-btn-danger' onClick={() => setConfirm({ kind: 'revoke', key: newIdempotencyKey() })}>
                  撤销
                </Button>
              )}
              {canReissue && (
                <Button fill='outline' type='primary' disabled={busy} className='ct-bill-reissue' onClick={() => setConfirm({ kind: 'reissue', key: newIdempotencyKey() })}>
                  {bill.status === 'EXPIRED' ? '重新生成' : '撤销并重新生成'}
                </Button>
              )}
            </View>
            {bill.status === 'VALID' && !bill.revocable && <Text className='ct-note'>开具后已办理其他业务，不能撤销本单据。</Text>}
          </View>

          <View className='ct-card ct-paper'>
            <Text className='ct-paper__brand'>中国社会保险 CHINA SOCIAL INSURANCE</Text>
            <Text className='ct-paper__title'>社会保险费应缴认定单</Text>
            <View className='ct-paper__meta'>
              <Text>单位编号：{bill.unitNo}</Text>
              <Text>
                征集通知单据号：<Text className='ct-mono ct-paper__no'>{bill.billNo}</Text>
              </Text>
            </View>
            <View className='ct-paper__meta'>
              <Text>单位名称：{bill.unitName}</Text>
              <Text>单位：元</Text>
            </View>
            <DataTable
              columns={LINE_COLUMNS}
              rows={bill.lines}
              totalRows={[
                {
                  insuranceType: 'PENSION',
                  label: '合计',
                  unitFen: bill.unitFen,
                  unitYuan: formatYuan(bill.unitFen),
                  personalFen: bill.personalFen,
                  personalYuan: formatYuan(bill.personalFen),
                  interestFen: bill.interestFen,
                  interestYuan: formatYuan(bill.interestFen),
                  lateFeeFen: bill.lateFeeFen,
                  lateFeeYuan: formatYuan(bill.lateFeeFen),
                  totalFen: bill.totalFen,
                  totalYuan: bill.totalYuan
                }
              ]}
              rowKey={(l) => l.insuranceType}
              rowClass='ct-line'
              rowData={(l) => ({ type: l.insuranceType })}
              className='ct-lines-table'
              label='应缴认定单明细'
            />
            <View className='ct-paper__capital'>
              <Text>实际应缴金额合计大写</Text>
              <Text className='ct-paper__capital-v'>{bill.totalCapital}</Text>
            </View>
            <Text className='ct-note'>征集明细</Text>
            <DataTable columns={COLLECTION_COLUMNS} rows={bill.collection} rowKey={(c) => c.kindLabel} rowClass='ct-collection' label='征集明细' />
            <View className='ct-paper__notes'>
              {bill.notes.map((n) => (
                <Text key={n} className='ct-note'>
                  {n}
                </Text>
              ))}
            </View>
            <View className='ct-paper__foot'>
              <Text>经办机构：{bill.agency}</Text>
              <Text>经办日期：{chineseDate(bill.issuedOn)}</Text>
            </View>
          </View>
        </>
      )}

      <Dialog
        visible={confirm !== null}
        title={confirm?.kind === 'reissue' ? (bill?.status === 'EXPIRED' ? '重新生成' : '撤销并重新生成') : '撤销应缴认定单'}
        confirmText={confirm?.kind === 'reissue' ? '确认生成' : '确认撤销'}
        cancelText='取消'
        disableConfirmButton={busy}
        onConfirm={() => runConfirm()}
        onCancel={() => setConfirm(null)}
      >
        <Text className='ct-dialog-text'>
          {confirm?.kind === 'revoke'
            ? `撤销单据 ${billNo}？撤销后对应的缴费申报恢复为“已申报”，可重新开具或撤销申报。`
            : bill?.status === 'EXPIRED'
              ? `按今天重新生成 ${bill?.periodText ?? ''} 的缴费单据；超出当月的，从次月1日起加收利息和滞纳金。`
              : `撤销单据 ${billNo} 并按今天重新生成一张应缴认定单。`}
        </Text>
      </Dialog>
    </ContribShell>
  )
}
