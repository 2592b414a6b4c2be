import { useRef, useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Input } from '@nutui/nutui-react-taro'
import type { z } from 'zod'
import { parseYuanToFen, type AuditBaseListResponse, type AuditBaseRow } from '@shebao/shared'
import { Button } from '../../../components/Button'
import PageShell from '../../../components/PageShell'
import { useSessionUser } from '../../../hooks/useSession'
import { roleProps } from '../../../pages/login/a11y'
import { api } from '../../../services/api'
import { toastSuccess } from '../../../services/toast'
import { newIdempotencyKey } from '../../../services/idempotency'
import { shanghaiMinute } from '../../../utils/time'
import FilterButtons from '../../components/FilterButtons'
import Pager from '../../components/Pager'
import { useReviewList } from '../../lib/useReviewList'
import '../../styles/review.scss'
import './index.scss'

type ListT = z.infer<typeof AuditBaseListResponse>

const PAGE_SIZE = 20
const TYPES = [
  { value: '', label: '全部险种' },
  { value: 'PENSION', label: '企业职工基本养老保险' },
  { value: 'UNEMPLOYMENT', label: '失业保险' },
  { value: 'WORK_INJURY', label: '工伤保险' }
]

interface Form {
  unitNo: string
  idNumber: string
  insuranceType: string
  startPeriod: string
  endPeriod: string
  base: string
  documentNo: string
  remark: string
}
const EMPTY: Form = { unitNo: '', idNumber: '', insuranceType: '', startPeriod: '', endPeriod: '', base: '', documentNo: '', remark: '' }

/** The form's text → the request body; a Chinese message for what the client can tell without the server. */
function bodyOf(f: Form): { body: Record<string, unknown> } | { error: string } {
  const need: Array<[keyof Form, string]> = [
    ['unitNo', '单位编号'],
    ['idNumber', '证件号码'],
    ['startPeriod', '开始年月'],
    ['endPeriod', '结束年月'],
    ['base', '认定缴费基数'],
    ['documentNo', '稽核文书号']
  ]
  const missing = need.filter(([k]) => !f[k].trim()).map(([, label]) => label)
  if (missing.length) return { error: `请填写${missing.join('、')}` }
  for (const [k, label] of [['startPeriod', '开始年月'], ['endPeriod', '结束年月']] as const) {
    if (!/^\d{6}$/.test(f[k].trim())) return { error: `${label}请填写6位数字，如 202501` }
  }
  const baseFen = parseYuanToFen(f.base.trim())
  if (baseFen === null) return { error: '认定缴费基数请填写金额（元，最多两位小数）' }
  return {
    body: {
      unitNo: f.unitNo.trim(),
      idNumber: f.idNumber.trim(),
      insuranceType: f.insuranceType || null,
      startPeriod: Number(f.startPeriod.trim()),
      endPeriod: Number(f.endPeriod.trim()),
      baseFen,
      documentNo: f.documentNo.trim(),
      ...(f.remark.trim() ? { remark: f.remark.trim() } : {})
    }
  }
}

/**
 * 稽核认定缴费基数 (center, R40): record the base the audit determined for a worker of a unit over a range of months,
 * and list those of the units in the reviewer's region. A 缴费工资变更 touching those months must arrive at that base.
 * One Idempotency-Key per entry (kept while the form is unchanged, so a retry after a network failure records once).
 */
export default function AuditBases() {
  const user = useSessionUser()
  const [form, setForm] = useState<Form>(EMPTY)
  const [formError, setFormError] = useState('')
  const [saving, setSaving] = useState(false)
  const key = useRef(newIdempotencyKey())
  const { draft, setDraft, search, apply, page, setPage, data, error, reload: load } = useReviewList<{ unitNo: string; idNumber: string }, ListT>(
    { unitNo: '', idNumber: '' },
    (filters, page) =>
      api.get<ListT>('/api/review/audit-bases', {
        query: { page, pageSize: PAGE_SIZE, unitNo: filters.unitNo.trim() || undefined, idNumber: filters.idNumber.trim() || undefined },
        toast: false
      })
  )

  const edit = (patch: Partial<Form>) => {
    setForm({ ...form, ...patch })
    setFormError('')
    key.current = newIdempotencyKey() // another entry
  }

  const submit = async () => {
    if (saving) return
    const built = bodyOf(form)
    if ('error' in built) {
      setFormError(built.error)
      return
    }
    setSaving(true)
    try {
      const row = await api.post<AuditBaseRow>('/api/review/audit-bases', built.body, { idempotencyKey: key.current, toast: false, loading: '正在录入' })
      toastSuccess(`已录入：${row.name} ${row.periodText} ${row.baseYuan} 元`)
      setForm({ ...EMPTY, unitNo: form.unitNo })
      key.current = newIdempotencyKey()
      setFormError('')
      setPage(1)
      await load()
    } catch (e) {
      setFormError(e instanceof Error ? e.message : '录入失败，请稍后重试')
    } finally {
      setSaving(false)
    }
  }

  const typeIdx = Math.max(0, TYPES.findIndex((t) => t.value === form.insuranceType))
  const field = (k: keyof Form, label: string, props: { placeholder: string; maxLength: number; type?: 'text' | 'digit' }) => (
    <View className='rv-ab__field'>
      <Text className='rv-ab__label'>{label}</Text>
      <Input className='rv-filter__input rv-ab__input' name={k} type={props.type ?? 'text'} value={form[k]} onChange={(v) => edit({ [k]: v })} placeholder={props.placeholder} maxLength={props.maxLength} />
    </View>
  )

  return (
    <PageShell className='rv rv-ab'>
      <View className='rv-top'>
        <Text className='rv-top__back rv-link' onClick={() => (Taro.getCurrentPages().length > 1 ? Taro.navigateBack() : Taro.redirectTo({ url: '/pkg-review/pages/index/index' }))}>
          ‹ 审核工作台
        </Text>
        <Text className='rv-top__title'>稽核认定缴费基数</Text>
        <Text className='rv-top__user'>{user?.name ? `审核员：${user.name}` : ''}</Text>
      </View>

      <View className='rv-panel rv-ab__form'>
        <Text className='rv-ab__heading'>录入稽核认定结果</Text>
        <Text className='rv-ab__hint'>单位办理缴费工资变更时，涉及认定月份的，按申报工资核定的缴费基数须与认定结果一致，不一致的须重新申报。同一职工同一险种的认定时段不能重叠。</Text>
        <View className='rv-ab__grid'>
          {field('unitNo', '单位编号', { placeholder: '本中心所辖单位', maxLength: 20 })}
          {field('idNumber', '证件号码', { placeholder: '职工身份证号码', maxLength: 18 })}
          <View className='rv-ab__field'>
            <Text className='rv-ab__label'>险种</Text>
            <Picker mode='selector' range={TYPES.map((t) => t.label)} value={typeIdx} onChange={(e) => edit({ insuranceType: TYPES[Number(e.detail.value)]!.value })}>
              <Text className='rv-filter__picker rv-ab__type'>{TYPES[typeIdx]!.label}</Text>
            </Picker>
          </View>
          {field('startPeriod', '开始年月', { placeholder: '如 202501', maxLength: 6, type: 'digit' })}
          {field('endPeriod', '结束年月', { placeholder: '如 202503', maxLength: 6, type: 'digit' })}
          {field('base', '认定缴费基数（元）', { placeholder: '如 6000', maxLength: 12, type: 'digit' })}
          {field('documentNo', '稽核文书号', { placeholder: '如 宜人社稽字〔2025〕18号', maxLength: 64 })}
          {field('remark', '备注', { placeholder: '选填', maxLength: 256 })}
        </View>
        {formError && (
          <View className='rv-ab__error' {...roleProps('alert')}>
            <Text>{formError}</Text>
          </View>
        )}
        <View className='rv-filters__buttons rv-ab__buttons'>
          <Button size='small' type='primary' className='rv-ab__submit' disabled={saving} onClick={() => void submit()}>
            录入
          </Button>
          <Button size='small' disabled={saving} onClick={() => edit(EMPTY)}>
            清空
          </Button>
        </View>
      </View>

      <View className='rv-panel rv-filters'>
        <View className='rv-filters__row'>
          <View className='rv-filter'>
            <Text className='rv-filter__label'>单位编号</Text>
            <Input className='rv-filter__input' name='filterUnitNo' value={draft.unitNo} onChange={(v) => setDraft({ ...draft, unitNo: v })} placeholder='单位编号' maxLength={20} />
          </View>
          <View className='rv-filter'>
            <Text className='rv-filter__label'>证件号码</Text>
            <Input className='rv-filter__input' name='filterIdNumber' value={draft.idNumber} onChange={(v) => setDraft({ ...draft, idNumber: v })} placeholder='完整的身份证号码' maxLength={18} />
          </View>
          <FilterButtons onSearch={search} onReset={() => apply({ unitNo: '', idNumber: '' })} />
        </View>
      </View>

      <View className='rv-panel'>
        <View className='rv-bar'>
          <Text className='rv-bar__count'>共 {data?.total ?? 0} 条</Text>
        </View>
        {error && (
          <View className='rv-ab__error' {...roleProps('alert')}>
            <Text>{error}</Text>
          </View>
        )}
        <View className='rv-table'>
          <View className='rv-table__row rv-table__row--head rv-ab__head'>
            <Text className='rv-table__cell rv-table__cell--wide'>单位</Text>
            <Text className='rv-table__cell rv-table__cell--wide'>职工</Text>
            <Text className='rv-table__cell'>险种</Text>
            <Text className='rv-table__cell rv-table__cell--wide'>认定期间</Text>
            <Text className='rv-table__cell rv-ab__money'>认定缴费基数（元）</Text>
            <Text className='rv-table__cell rv-table__cell--wide'>稽核文书号</Text>
            <Text className='rv-table__cell'>录入</Text>
          </View>
          {data === null && !error && <Text className='rv-empty'>加载中…</Text>}
          {data?.items.length === 0 && <Text className='rv-empty'>暂无稽核认定缴费基数</Text>}
          {data?.items.map((r) => (
            <View key={r.id} className='rv-table__row rv-ab__row' data-id={r.id}>
              <View className='rv-table__cell rv-table__cell--wide'>
                <Text className='rv-ab__cell-label'>单位</Text>
                <Text className='rv-ab__main'>{r.unitName}</Text>
                <Text className='rv-ab__sub'>{r.unitNo}</Text>
              </View>
              <View className='rv-table__cell rv-table__cell--wide'>
                <Text className='rv-ab__cell-label'>职工</Text>
                <Text className='rv-ab__main'>{r.name}</Text>
                <Text className='rv-ab__sub'>{r.idNumber}</Text>
              </View>
              <View className='rv-table__cell'>
                <Text className='rv-ab__cell-label'>险种</Text>
                <Text className='rv-ab__main'>{r.insuranceLabel}</Text>
              </View>
              <View className='rv-table__cell rv-table__cell--wide'>
                <Text className='rv-ab__cell-label'>认定期间</Text>
                <Text className='rv-ab__main rv-ab__period'>{r.periodText}</Text>
              </View>
              <View className='rv-table__cell rv-ab__money'>
                <Text className='rv-ab__cell-label'>认定缴费基数（元）</Text>
                <Text className='rv-ab__main rv-ab__nowrap'>{r.baseYuan}</Text>
              </View>
              <View className='rv-table__cell rv-table__cell--wide'>
                <Text className='rv-ab__cell-label'>稽核文书号</Text>
                <Text className='rv-ab__main'>{r.documentNo}</Text>
                {r.remark && <Text className='rv-ab__sub'>{r.remark}</Text>}
              </View>
              <View className='rv-table__cell'>
                <Text className='rv-ab__cell-label'>录入</Text>
                <Text className='rv-ab__main'>{r.recordedBy}</Text>
                <Text className='rv-ab__sub'>{shanghaiMinute(r.recordedAt)}</Text>
              </View>
            </View>
          ))}
        </View>
        {data && <Pager page={page} total={data.total} pageSize={PAGE_SIZE} onPage={setPage} />}
      </View>
    </PageShell>
  )
}
