import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Checkbox, Input } from '@nutui/nutui-react-taro'
import type { UnitStaffResponse } from '@shebao/shared'
import { Button } from '../../components/Button'
import { certApi } from '../api'
import './StaffPicker.scss'

export interface PickedPerson {
  id: number
  name: string
  personNo: string
}

export interface StaffPickerProps {
  insuranceType: string
  /** Several (单位参保证明) or exactly one (养老缴费凭证). */
  multiple: boolean
  value: PickedPerson[]
  onChange: (picked: PickedPerson[]) => void
  /** Tells the form the type's 最大核止期号 once the list has loaded. */
  onLastSettled?: (period: number | null) => void
}

/**
 * 打印人员选择 on a phone: the seed's two lists (left: matches, right: chosen, moved with >> and <<) become one
 * searchable list with checkboxes and the chosen persons as removable chips above it, in the order chosen.
 */
export default function StaffPicker({ insuranceType, multiple, value, onChange, onLastSettled }: StaffPickerProps) {
  const [q, setQ] = useState('')
  const [query, setQuery] = useState('')
  const [data, setData] = useState<UnitStaffResponse | null>(null)
  const [items, setItems] = useState<UnitStaffResponse['items']>([])
  const [page, setPage] = useState(1)
  const [loading, setLoading] = useState(false)
  const seq = useRef(0)

  useEffect(() => {
    const mine = ++seq.current
    setLoading(true)
    certApi.unitStaff(insuranceType, query, page).then(
      (r) => {
        if (mine !== seq.current) return
        setData(r)
        setItems((prev) => (page === 1 ? r.items : [...prev, ...r.items]))
        onLastSettled?.(r.lastSettledPeriod)
        setLoading(false)
      },
      () => mine === seq.current && setLoading(false)
    )
  }, [insuranceType, query, page])

  const chosen = new Set(value.map((p) => p.id))
  const toggle = (p: PickedPerson, on: boolean) => {
    if (!multiple) return onChange(on ? [p] : [])
    onChange(on ? [...value.filter((x) => x.id !== p.id), p] : value.filter((x) => x.id !== p.id))
  }
  const search = () => {
    setPage(1)
    setQuery(q.trim())
  }
  const pageAll = () => {
    const add = items.filter((p) => !chosen.has(p.id)).map((p) => ({ id: p.id, name: p.name, personNo: p.personNo }))
    onChange([...value, ...add])
  }
  const more = data ? data.total > items.length : false

  return (
    <View className='staff'>
      <View className='staff__chosen' aria-live='polite'>
        <Text className='staff__count'>{multiple ? `已选 ${value.length} 人` : value.length ? '已选择' : '请选择一名职工'}</Text>
        {value.length > 0 && (
          <View className='staff__chips'>
            {value.map((p) => (
              <View key={p.id} className='staff__chip' onClick={() => toggle(p, false)} aria-label={`移除 ${p.name}`}>
                <Text>{p.name}</Text>
                <Text className='staff__chip-x'>×</Text>
              </View>
            ))}
          </View>
        )}
      </View>

      <View className='staff__search'>
        <View className='sb-field staff__search-field'>
          <Input name='staffQuery' value={q} placeholder='姓名 / 身份证号 / 个人编号' clearable onChange={setQ} onConfirm={search} aria-label='查找职工' />
        </View>
        <Button size='small' type='primary' fill='outline' onClick={search}>
          查询
        </Button>
      </View>

      <View className='staff__list' role='list'>
        {items.map((p) => (
          <View key={p.id} className='staff__row' role='listitem' onClick={() => toggle(p, !chosen.has(p.id))}>
            <Checkbox checked={chosen.has(p.id)} aria-label={`选择 ${p.name}`} />
            <View className='staff__who'>
              <Text className='staff__name'>{p.name}</Text>
              <Text className='staff__meta'>
                {p.idNumber} · {p.personNo}
              </Text>
            </View>
            <Text className={`staff__status staff__status--${p.status.toLowerCase()}`}>{p.statusLabel}</Text>
          </View>
        ))}
        {!loading && data && items.length === 0 && <Text className='staff__empty'>没有符合条件的参保人员</Text>}
        {loading && <Text className='staff__empty'>正在加载…</Text>}
      </View>
      <View className='staff__actions'>
        {multiple && items.length > 0 && (
          <Button size='small' fill='none' onClick={pageAll}>
            全选已列出的 {items.length} 人
          </Button>
        )}
        {more && (
          <Button size='small' fill='none' disabled={loading} onClick={() => setPage((n) => n + 1)}>
            加载更多（共 {data?.total} 人）
          </Button>
        )}
      </View>
    </View>
  )
}
