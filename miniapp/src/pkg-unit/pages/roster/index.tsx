import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Input, Radio } from '@nutui/nutui-react-taro'
import type { z } from 'zod'
import type { RosterRow } from '@shebao/shared'
import { Button } from '../../../components/Button'
import LoadMore from '../../../components/LoadMore'
import { statusClass } from '../../../components/Status'
import { usePaged, type PageOf } from '../../../hooks/useApi'
import { downloadFile } from '../../../platform'
import { ApiError } from '../../../services/api'
import { toastError, toastSuccess } from '../../../services/toast'
import HallFrame from '../../components/HallFrame'
import UnitState from '../../components/UnitState'
import '../../styles/unit.scss'
import './index.scss'

type Row = z.infer<typeof RosterRow>

/** 参保状态 and 险种 filters (GET /api/unit/roster `status`, `insuranceType`; '' = all). */
const STATUSES = [
  { label: '全部', value: '' },
  { label: '参保缴费', value: 'ACTIVE' },
  { label: '暂停缴费', value: 'SUSPENDED' },
  { label: '终止参保', value: 'TERMINATED' }
]
const TYPES = [
  { label: '全部险种', value: '' },
  { label: '养老', value: 'PENSION' },
  { label: '失业', value: 'UNEMPLOYMENT' },
  { label: '工伤', value: 'WORK_INJURY' }
]
const UNIT_TYPES = ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'] as const
const SHORT: Record<string, string> = { PENSION: '养老', UNEMPLOYMENT: '失业', WORK_INJURY: '工伤' }
const PAGE_SIZE = 20

interface Filters {
  status: string
  insuranceType: string
  keyword: string
}

/** The filters as the API's query (empty ones left out). */
function queryOf(f: Filters): Record<string, string> {
  const q: Record<string, string> = {}
  if (f.status) q.status = f.status
  if (f.insuranceType) q.insuranceType = f.insuranceType
  if (f.keyword.trim()) q.keyword = f.keyword.trim()
  return q
}

/** The current base of a person here: the first active insurance's, else the first one's. */
function baseOf(r: Row): string {
  const i = r.insurances.find((x) => x.status === 'ACTIVE') ?? r.insurances[0]
  return i?.monthlyBase ? `${i.monthlyBase} 元` : '—'
}

/**
 * 单位参保人员 (seed 002 §3.3.69): the unit's insured persons, filtered by 参保状态, 险种 and a name / 个人编号 /
 * 证件号码 search; 加载更多 pages on; names and ID numbers masked. 导出 Excel downloads the whole filtered list
 * (GET /api/unit/roster/export). A table at PC widths, cards on a phone.
 */
export default function RosterPage() {
  const [filters, setFilters] = useState<Filters>({ status: '', insuranceType: '', keyword: '' })
  const [typed, setTyped] = useState('')
  const [exporting, setExporting] = useState(false)
  const query = queryOf(filters)
  const list = usePaged<Row, PageOf<Row>>('/api/unit/roster', query, PAGE_SIZE)
  const data = list.data

  const exportExcel = async () => {
    setExporting(true)
    try {
      const qs = Object.entries(query)
        .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
        .join('&')
      await downloadFile(`/api/unit/roster/export${qs ? `?${qs}` : ''}`, '单位参保人员.xlsx')
      toastSuccess('已导出')
    } catch (e) {
      toastError(e instanceof ApiError ? e.message : '导出失败，请稍后重试')
    } finally {
      setExporting(false)
    }
  }

  const search = () => setFilters((f) => ({ ...f, keyword: typed }))

  return (
    <HallFrame active='roster' title='单位参保人员' className='ur'>
      <View className='uq-panel ur-filters'>
        <View className='uq-toolbar'>
          <View className='uq-filter'>
            <Text className='uq-filter__label'>参保状态</Text>
            <Radio.Group
              className='ur-radios ur-status'
              value={filters.status}
              direction='horizontal'
              shape='button'
              options={STATUSES}
              onChange={(v) => setFilters((f) => ({ ...f, status: String(v) }))}
            />
          </View>
          <View className='uq-filter'>
            <Text className='uq-filter__label'>险种</Text>
            <Radio.Group
              className='ur-radios ur-type'
              value={filters.insuranceType}
              direction='horizontal'
              shape='button'
              options={TYPES}
              onChange={(v) => setFilters((f) => ({ ...f, insuranceType: String(v) }))}
            />
          </View>
          <View className='uq-filter ur-search-box'>
            <Text className='uq-filter__label'>姓名 / 个人编号 / 证件号码</Text>
            <View className='uq-search'>
              <View className='sb-field uq-search__field'>
                <Input
                  className='ur-keyword'
                  name='keyword'
                  placeholder='输入姓名、个人编号或18位证件号码'
                  value={typed}
                  maxLength={32}
                  clearable
                  onChange={(v) => setTyped(v)}
                  onClear={() => {
                    setTyped('')
                    setFilters((f) => ({ ...f, keyword: '' }))
                  }}
                  onConfirm={search}
                />
              </View>
              <Button className='ur-search' type='primary' onClick={search}>
                查询
              </Button>
            </View>
          </View>
        </View>
      </View>

      <View className='uq-panel ur-list'>
        <View className='uq-actions'>
          <Text className='uq-count ur-count'>
            共 <Text className='uq-count__n'>{data ? data.total : '…'}</Text> 人
          </Text>
          <Button
            className='ur-export'
            size='small'
            type='primary'
            fill='outline'
            loading={exporting}
            disabled={!data || data.total === 0}
            onClick={() => void exportExcel()}
          >
            导出 Excel
          </Button>
        </View>
        <UnitState {...list} ready={data !== null} empty={data?.total === 0} emptyText='没有符合条件的参保人员，可调整参保状态、险种或查询条件。'>
          <View className='uq-table ur-table'>
            <View className='uq-tr uq-tr--head'>
              <Text className='uq-td ur-c-seq'>序号</Text>
              <Text className='uq-td ur-c-name'>姓名</Text>
              <Text className='uq-td ur-c-no'>个人编号</Text>
              <Text className='uq-td ur-c-id'>证件号码</Text>
              <Text className='uq-td ur-c-sex'>性别</Text>
              <Text className='uq-td ur-c-birth'>出生日期</Text>
              {UNIT_TYPES.map((t) => (
                <Text key={t} className='uq-td ur-c-type'>
                  {SHORT[t]}
                </Text>
              ))}
              <Text className='uq-td ur-c-base'>缴费基数</Text>
            </View>
            {list.items.map((r, i) => (
              <View key={r.personId} className='uq-tr ur-row' data-person-no={r.personNo}>
                <Text className='uq-td uq-num ur-c-seq ur-seq'>{i + 1}</Text>
                <Text className='uq-td uq-td--title ur-c-name ur-name'>{r.name}</Text>
                <Text className='uq-td uq-num ur-c-no ur-person-no' data-label='个人编号'>
                  {r.personNo}
                </Text>
                <Text className='uq-td uq-num ur-c-id ur-id' data-label='证件号码'>
                  {r.idNumber}
                </Text>
                <Text className='uq-td ur-c-sex' data-label='性别'>
                  {r.sex}
                </Text>
                <Text className='uq-td uq-num ur-c-birth' data-label='出生日期'>
                  {r.birthDate}
                </Text>
                {/* phone: the types the person has, as tags on one line */}
                <View className='uq-td ur-tags'>
                  {r.insurances.map((e) => (
                    <Text key={e.insuranceType} className={`${statusClass(e.status)} ur-tag`}>
                      {SHORT[e.insuranceType] ?? e.label} {e.statusLabel}
                    </Text>
                  ))}
                </View>
                {/* PC: a column per type */}
                {UNIT_TYPES.map((t) => {
                  const e = r.insurances.find((x) => x.insuranceType === t)
                  return (
                    <View key={t} className='uq-td ur-c-type ur-insurance' data-type={t}>
                      {e ? <Text className={statusClass(e.status)}>{e.statusLabel}</Text> : <Text className='ur-none'>未参保</Text>}
                    </View>
                  )
                })}
                <Text className='uq-td uq-num ur-c-base' data-label='缴费基数'>
                  {baseOf(r)}
                </Text>
              </View>
            ))}
          </View>
          {data && <LoadMore shown={list.items.length} total={data.total} hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onMore={list.loadMore} />}
        </UnitState>
      </View>
    </HallFrame>
  )
}
