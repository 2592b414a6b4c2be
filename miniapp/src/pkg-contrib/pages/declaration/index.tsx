import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Dialog, Skeleton } from '@nutui/nutui-react-taro'
import { addMonths, formatPeriod, formatYuan } from '@shebao/shared'
import { Button } from '../../../components/Button'
import { CONTRIB_PAGES, MATTER_PAGES } from '../../../constants/pages'
import { useSessionUser } from '../../../hooks/useSession'
import { roleProps } from '../../../pages/login/a11y'
import { ApiError } from '../../../services/api'
import { newIdempotencyKey } from '../../../services/idempotency'
import { toastError, toastSuccess } from '../../../services/toast'
import { shanghaiMinute, shanghaiPeriodOf } from '../../../utils/time'
import ContribShell from '../../components/ContribShell'
import DataTable, { StatusTag, type Column } from '../../components/DataTable'
import DeclarationLines from '../../components/DeclarationLines'
import { contribApi, STATUS_TONE, type DeclarationListT, type DeclarationRowT, type PreviewT } from '../../lib/api'

type Load<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; message: string }

/** A refusal of the declaration (preview blocker or the POST's 409), with its code for the way out. */
interface Refusal {
  code: string
  message: string
}

type Confirm =
  | { kind: 'declare'; key: string }
  | { kind: 'back'; period: number; key: string }
  | { kind: 'revoke'; row: DeclarationRowT; key: string }

/** A row of the per-insurance table (the 合计 row has the same shape). */
interface TypeRow {
  key: string
  label: string
  headcount: number
  baseYuan: string
  unitYuan: string
  personalYuan: string
  totalYuan: string
}

const TYPE_COLUMNS: Column<TypeRow>[] = [
  { key: 'label', title: '险种', primary: true, render: (r) => <Text>{r.label}</Text> },
  { key: 'headcount', title: '缴费人数', num: true, size: 'narrow', render: (r) => <Text>{r.headcount}</Text> },
  { key: 'base', title: '缴费基数总额（元）', num: true, render: (r) => <Text>{r.baseYuan}</Text> },
  { key: 'unit', title: '单位缴费（元）', num: true, render: (r) => <Text>{r.unitYuan}</Text> },
  { key: 'personal', title: '个人缴费（元）', num: true, render: (r) => <Text>{r.personalYuan}</Text> },
  { key: 'total', title: '缴费总额（元）', num: true, render: (r) => <Text>{r.totalYuan}</Text> }
]

interface CompareRow {
  key: string
  item: string
  previous: string
  current: string
  change: string
}

const signed = (n: number, text: string) => (n > 0 ? `+${text}` : text)

function message(e: unknown): string {
  return e instanceof Error ? e.message : '加载失败，请稍后重试'
}

/**
 * 单位缴费申报 (§3.3.22, §3.3.23): this month's computation for the unit — 上期 vs 本期 headcount and base total,
 * unit and personal amounts per insurance type — the 申报 button, the reasons it cannot be declared with the way out
 * (补缴申报 for unpaid months, 年度缴费工资申报 from 7/1), and this year's declarations with 撤销申报 (while no bill
 * exists), 开具应缴认定单 and the person lines.
 */
export default function DeclarationPage() {
  const user = useSessionUser()
  const isUnit = user?.role === 'UNIT'
  const [preview, setPreview] = useState<Load<PreviewT>>({ state: 'loading' })
  const [year, setYear] = useState<number | undefined>(undefined)
  const [list, setList] = useState<Load<DeclarationListT>>({ state: 'loading' })
  const [page, setPage] = useState(1)
  const [refusal, setRefusal] = useState<Refusal | null>(null)
  const [confirm, setConfirm] = useState<Confirm | null>(null)
  const [busy, setBusy] = useState(false)
  const [openLines, setOpenLines] = useState<number | null>(null)

  const loadPreview = useCallback(async () => {
    try {
      setPreview({ state: 'ready', data: await contribApi.preview() })
    } catch (e) {
      setPreview({ state: 'failed', message: message(e) })
    }
  }, [])

  const loadList = useCallback(
    async (p = 1) => {
      try {
        const r = await contribApi.declarations(p, year)
        setList((prev) => ({ state: 'ready', data: p === 1 || prev.state !== 'ready' ? r : { ...r, items: [...prev.data.items, ...r.items] } }))
        setPage(p)
      } catch (e) {
        setList({ state: 'failed', message: message(e) })
      }
    },
    [year]
  )

  useEffect(() => {
    if (isUnit) void loadPreview()
  }, [isUnit, loadPreview])
  useEffect(() => {
    if (isUnit) void loadList(1)
  }, [isUnit, loadList])
  // back from a bill (issued, revoked) or from the wage wizard: the state may have changed
  useDidShow(() => {
    if (isUnit && preview.state === 'ready') {
      void loadPreview()
      void loadList(1)
    }
  })

  const data = preview.state === 'ready' ? preview.data : null
  const currentYear = data ? Math.floor(data.period / 100) : undefined
  const shownYear = year ?? currentYear

  const reloadAll = async () => {
    await Promise.all([loadPreview(), loadList(1)])
  }

  const runConfirm = async () => {
    if (!confirm || busy) return
    setBusy(true)
    try {
      if (confirm.kind === 'declare') {
        if (!data) return
        await contribApi.declare(data.period, confirm.key)
        setRefusal(null)
        toastSuccess('申报成功')
      } else if (confirm.kind === 'back') {
        await contribApi.backDeclare(confirm.period, confirm.key)
        setRefusal(null)
        toastSuccess('补缴申报成功')
        setYear(Math.floor(confirm.period / 100) === currentYear ? undefined : Math.floor(confirm.period / 100))
      } else {
        await contribApi.revokeDeclaration(confirm.row.id, confirm.key)
        toastSuccess('已撤销申报')
      }
      setConfirm(null)
      await reloadAll()
    } catch (e) {
      setConfirm(null)
      if (confirm.kind !== 'revoke' && e instanceof ApiError && e.status !== 0) {
        // a refusal of the declaration: say it where the clerk looks, with the way out
        setRefusal({ code: e.code, message: e.message })
        await loadPreview()
      } else if (confirm.kind !== 'revoke') {
        toastError(message(e))
      }
    } finally {
      setBusy(false)
    }
  }

  const issue = async (row: DeclarationRowT) => {
    if (busy) return
    setBusy(true)
    try {
      const bill = await contribApi.issueBill(row.id, newIdempotencyKey())
      toastSuccess('已开具应缴认定单')
      Taro.navigateTo({ url: CONTRIB_PAGES.bill(bill.billNo) })
    } catch {
      // toasted
      await loadList(1)
    } finally {
      setBusy(false)
    }
  }

  // the earliest month a type is behind on: what 补缴申报 must start with
  const nextUnpaid = (() => {
    if (!data) return null
    const behind = data.unitSettled.filter((s) => s.lastSettledPeriod !== null && s.lastSettledPeriod < addMonths(data.period, -1))
    return behind.length ? Math.min(...behind.map((s) => addMonths(s.lastSettledPeriod as number, 1))) : null
  })()

  /** What the clerk can do about a refusal. */
  const wayOut = (code: string) => {
    if (code === 'DECLARATION_ARREARS' || code === 'BACK_DECLARATION_NOT_NEXT') {
      return (
        <View className='ct-alert__actions'>
          {nextUnpaid !== null && (
            <Button size='small' type='primary' className='ct-back-declare' onClick={() => setConfirm({ kind: 'back', period: nextUnpaid, key: newIdempotencyKey() })}>
              补缴申报（{formatPeriod(nextUnpaid)}）
            </Button>
          )}
          <Text className='ct-note'>网上可补缴当前月份以前3个月内的社保费，按月依次补缴；补缴申报后请开具应缴认定单并按期缴费，到账后即可申报当月。</Text>
        </View>
      )
    }
    if (code === 'WAGES_NOT_DECLARED') {
      return (
        <View className='ct-alert__actions'>
          <Button size='small' type='primary' className='ct-wage-link' onClick={() => Taro.navigateTo({ url: MATTER_PAGES.wizard('WAGE_DECLARATION') })}>
            办理年度缴费工资申报
          </Button>
        </View>
      )
    }
    if (code === 'DECLARATION_EXISTS') return <Text className='ct-note'>见下方“本年度已申报的缴费信息”；如需重新申报，请先撤销申报。</Text>
    return null
  }

  const typeRows: TypeRow[] = (data?.byType ?? []).map((t) => ({
    key: t.insuranceType,
    label: t.label,
    headcount: t.headcount,
    baseYuan: t.baseTotalYuan,
    unitYuan: t.unitYuan,
    personalYuan: t.personalYuan,
    totalYuan: t.totalYuan
  }))
  const totalRow: TypeRow[] = data
    ? [{ key: 'total', label: '合计', headcount: data.headcount, baseYuan: data.baseTotalYuan, unitYuan: formatYuan(data.unitFen), personalYuan: formatYuan(data.personalFen), totalYuan: data.totalYuan }]
    : []

  const compareRows: CompareRow[] = data
    ? [
        {
          key: 'headcount',
          item: '缴费人数',
          previous: data.comparison.previous ? String(data.comparison.previous.headcount) : '未申报',
          current: String(data.comparison.current.headcount),
          change: signed(data.comparison.headcountChange, String(data.comparison.headcountChange))
        },
        {
          key: 'base',
          item: '缴费基数总额（元）',
          previous: data.comparison.previous ? data.comparison.previous.baseTotalYuan : '未申报',
          current: data.comparison.current.baseTotalYuan,
          change: signed(data.comparison.baseTotalChangeFen, formatYuan(data.comparison.baseTotalChangeFen))
        }
      ]
    : []
  const compareColumns: Column<CompareRow>[] = data
    ? [
        { key: 'item', title: '项目', primary: true, render: (r) => <Text>{r.item}</Text> },
        { key: 'previous', title: `上期（${data.comparison.previous?.periodText ?? formatPeriod(addMonths(data.period, -1))}）`, num: true, render: (r) => <Text>{r.previous}</Text> },
        { key: 'current', title: `本期（${data.comparison.current.periodText}）`, num: true, render: (r) => <Text>{r.current}</Text> },
        { key: 'change', title: '增减', num: true, render: (r) => <Text>{r.change}</Text> }
      ]
    : []

  const declColumns: Column<DeclarationRowT>[] = [
    {
      key: 'period',
      title: '费款所属期',
      primary: true,
      render: (d) => (
        <View className='ct-decl__period'>
          <Text>{d.periodText}</Text>
          {d.period < shanghaiPeriodOf(d.declaredAt) && <StatusTag tone='brand'>补缴</StatusTag>}
        </View>
      )
    },
    { key: 'status', title: '状态', size: 'narrow', render: (d) => <StatusTag tone={STATUS_TONE[d.status] ?? 'muted'}>{d.statusLabel}</StatusTag> },
    { key: 'headcount', title: '缴费人数', num: true, size: 'narrow', render: (d) => <Text>{d.headcount}</Text> },
    { key: 'base', title: '缴费基数总额', num: true, render: (d) => <Text>{d.baseTotalYuan}</Text> },
    { key: 'unit', title: '单位缴费', num: true, render: (d) => <Text>{d.unitYuan}</Text> },
    { key: 'personal', title: '个人缴费', num: true, render: (d) => <Text>{d.personalYuan}</Text> },
    { key: 'total', title: '缴费总额', num: true, render: (d) => <Text className='ct-decl__total'>{d.totalYuan}</Text> },
    { key: 'at', title: '申报时间', render: (d) => <Text>{shanghaiMinute(d.declaredAt)}</Text> },
    {
      key: 'bill',
      title: '应缴认定单',
      size: 'wide',
      render: (d) =>
        d.bill ? (
          <View className='ct-decl__bill'>
            <Text className='ct-link ct-mono' onClick={() => Taro.navigateTo({ url: CONTRIB_PAGES.bill(d.bill!.billNo) })}>
              {d.bill.billNo}
            </Text>
            <StatusTag tone={STATUS_TONE[d.bill.status] ?? 'muted'}>{d.bill.statusLabel}</StatusTag>
          </View>
        ) : (
          <Text className='ct-muted'>{d.status === 'REVOKED' ? '—' : '未开具'}</Text>
        )
    }
  ]

  const declActions = (d: DeclarationRowT) => (
    <>
      {d.status === 'DECLARED' && !d.bill && (
        <Button size='small' type='primary' disabled={busy} className='ct-issue' onClick={() => void issue(d)}>
          开具应缴认定单
        </Button>
      )}
      {d.revocable && (
        <Button size='small' fill='outline' disabled={busy} className='ct-revoke ct-btn-danger' onClick={() => setConfirm({ kind: 'revoke', row: d, key: newIdempotencyKey() })}>
          撤销申报
        </Button>
      )}
      {d.status !== 'REVOKED' && (
        <Text className='ct-link ct-lines-toggle' onClick={() => setOpenLines(openLines === d.id ? null : d.id)}>
          {openLines === d.id ? '收起明细' : '人员明细'}
        </Text>
      )}
    </>
  )

  const dialog = (() => {
    if (!confirm) return { title: '', text: '', ok: '' }
    if (confirm.kind === 'declare' && data) {
      return {
        title: '确认申报',
        text: `申报${data.periodText}社会保险费：缴费人数 ${data.headcount} 人，应缴总额 ${data.totalYuan} 元（单位 ${formatYuan(data.unitFen)} 元，个人 ${formatYuan(data.personalFen)} 元）。开具应缴认定单前可撤销申报。`,
        ok: '确认申报'
      }
    }
    if (confirm.kind === 'back') {
      return { title: '补缴申报', text: `为本单位整体补缴${formatPeriod(confirm.period)}的社会保险费（按该月参保缴费人员核定）。申报后请开具应缴认定单并按期缴费。`, ok: '确认补缴申报' }
    }
    if (confirm.kind === 'revoke') {
      return { title: '撤销申报', text: `撤销${confirm.row.periodText}的缴费申报？撤销后可重新申报。`, ok: '确认撤销' }
    }
    return { title: '', text: '', ok: '' }
  })()

  // the only reason is that this month is declared: not an error, say so calmly
  const declaredAlready = data !== null && data.blockers.length === 1 && data.blockers[0]?.code === 'DECLARATION_EXISTS'
  const items = list.state === 'ready' ? list.data.items : []
  const total = list.state === 'ready' ? list.data.total : 0

  return (
    <ContribShell title='单位缴费申报' unit={data ? { name: data.unitName, unitNo: data.unitNo } : null} className='ct-decl'>
      {preview.state === 'loading' && (
        <View className='ct-card ct-card--first'>
          <Skeleton rows={5} animated />
        </View>
      )}
      {preview.state === 'failed' && (
        <View className='ct-card ct-card--first ct-state' {...roleProps('alert')}>
          <Text>{preview.message}</Text>
          <Button size='small' type='primary' fill='outline' onClick={() => void loadPreview()}>
            重试
          </Button>
        </View>
      )}
      {data && (
        <View className='ct-card ct-card--first ct-preview' data-period={data.period} data-can-declare={data.canDeclare ? 'true' : 'false'}>
          <View className='ct-card__head'>
            <View>
              <Text className='ct-card__title'>费款所属期 {data.periodText}</Text>
              <Text className='ct-card__sub'>
                {data.socialYear}社保年度（{data.socialYear}年7月—{data.socialYear + 1}年6月）
                {data.policyYear !== data.socialYear ? `，当年参数未公布，沿用${data.policyYear}社保年度参数` : ''}
              </Text>
            </View>
            <StatusTag tone={data.canDeclare || declaredAlready ? 'ok' : 'bad'} className='ct-preview__state'>
              {data.canDeclare ? '可申报' : declaredAlready ? '本月已申报' : '暂不能申报'}
            </StatusTag>
          </View>

          <View className='ct-big'>
            <View className='ct-big__item'>
              <Text className='ct-big__v ct-preview__headcount'>{data.headcount}</Text>
              <Text className='ct-big__k'>缴费人数</Text>
            </View>
            <View className='ct-big__item'>
              <Text className='ct-big__v ct-preview__base'>{data.baseTotalYuan}</Text>
              <Text className='ct-big__k'>缴费基数总额（元）</Text>
            </View>
            <View className='ct-big__item'>
              <Text className='ct-big__v ct-preview__unit'>{formatYuan(data.unitFen)}</Text>
              <Text className='ct-big__k'>单位缴费（元）</Text>
            </View>
            <View className='ct-big__item'>
              <Text className='ct-big__v ct-preview__personal'>{formatYuan(data.personalFen)}</Text>
              <Text className='ct-big__k'>个人缴费（元）</Text>
            </View>
            <View className='ct-big__item'>
              <Text className='ct-big__v ct-big__v--brand ct-preview__total'>{data.totalYuan}</Text>
              <Text className='ct-big__k'>应缴总额（元）</Text>
            </View>
          </View>

          <Text className='ct-note'>上期与本期对比</Text>
          <DataTable columns={compareColumns} rows={compareRows} rowKey={(r) => r.key} rowClass='ct-compare' className='ct-compare-table' label='上期与本期对比' />

          <Text className='ct-note'>各险种应缴（金额单位：元）</Text>
          <DataTable
            columns={TYPE_COLUMNS}
            rows={typeRows}
            totalRows={typeRows.length ? totalRow : []}
            rowKey={(r) => r.key}
            rowClass='ct-type'
            rowData={(r) => ({ type: r.key })}
            className='ct-type-table'
            empty='本月没有参保缴费人员'
            label='各险种应缴'
          />
          {(data.floorApplied > 0 || data.ceilingApplied > 0 || data.undeclaredWage > 0) && (
            <Text className='ct-note'>
              按缴费基数下限核定 {data.floorApplied} 人，按上限核定 {data.ceilingApplied} 人
              {data.undeclaredWage > 0 ? `，未申报工资按下限核定 ${data.undeclaredWage} 人` : ''}。
            </Text>
          )}
          {data.unitSettled.length > 0 && (
            <Text className='ct-note ct-preview__settled'>
              单位最大核止期号：
              {data.unitSettled.map((s) => `${s.label} ${s.lastSettledPeriod ? formatPeriod(s.lastSettledPeriod) : '无'}`).join('，')}
            </Text>
          )}

          {data.blockers.length > 0 && (
            <View className={`ct-alert ct-blockers ${declaredAlready ? 'ct-alert--info' : ''}`} {...roleProps('alert')}>
              {data.blockers.map((b) => (
                <View key={b.code} className='ct-alert__item' data-code={b.code}>
                  <Text className='ct-alert__text'>{b.message}</Text>
                  {wayOut(b.code)}
                </View>
              ))}
            </View>
          )}
          {refusal && !data.blockers.some((b) => b.message === refusal.message) && (
            <View className='ct-alert ct-refusal' {...roleProps('alert')} data-code={refusal.code}>
              <View className='ct-alert__item'>
                <Text className='ct-alert__text'>{refusal.message}</Text>
                {wayOut(refusal.code)}
              </View>
            </View>
          )}

          <View className='ct-actions'>
            <Button type='primary' className='ct-declare' disabled={!data.canDeclare || busy} onClick={() => setConfirm({ kind: 'declare', key: newIdempotencyKey() })}>
              申报{data.periodText}
            </Button>
            <Text className='ct-note'>只能申报当月；申报后开具应缴认定单，按认定单在截止日期前缴费。</Text>
          </View>
        </View>
      )}

      <View className='ct-section'>
        <Text className='ct-section__title'>本年度已申报的缴费信息</Text>
        <Text className='ct-section__extra'>共 {total} 条，金额单位：元</Text>
      </View>
      {currentYear !== undefined && (
        <View className='ct-chips ct-years'>
          {[currentYear, currentYear - 1].map((y) => (
            <Text
              key={y}
              className={`ct-chip ${y === shownYear ? 'ct-chip--on' : ''}`}
              onClick={() => {
                setOpenLines(null)
                setYear(y === currentYear ? undefined : y)
              }}
            >
              {y}年
            </Text>
          ))}
        </View>
      )}
      <View className='ct-card'>
        {list.state === 'loading' && <Skeleton rows={3} animated />}
        {list.state === 'failed' && (
          <View className='ct-state' {...roleProps('alert')}>
            <Text>{list.message}</Text>
            <Button size='small' type='primary' fill='outline' onClick={() => void loadList(1)}>
              重试
            </Button>
          </View>
        )}
        {list.state === 'ready' && (
          <DataTable
            columns={declColumns}
            rows={items}
            rowKey={(d) => d.id}
            rowClass='ct-decl-row'
            rowData={(d) => ({ id: d.id, period: d.period, status: d.status })}
            actions={declActions}
            extra={(d) => (openLines === d.id ? <DeclarationLines declarationId={d.id} /> : null)}
            empty={`${shownYear ?? ''}年还没有缴费申报`}
            label='本年度已申报的缴费信息'
          />
        )}
        {list.state === 'ready' && items.length < total && (
          <View className='ct-table__more'>
            <Button size='small' fill='none' onClick={() => void loadList(page + 1)}>
              加载更多
            </Button>
          </View>
        )}
      </View>

      <Dialog
        visible={confirm !== null}
        title={dialog.title}
        confirmText={dialog.ok}
        cancelText='取消'
        disableConfirmButton={busy}
        onConfirm={() => runConfirm()}
        onCancel={() => setConfirm(null)}
      >
        <Text className='ct-dialog-text'>{dialog.text}</Text>
      </Dialog>
    </ContribShell>
  )
}
