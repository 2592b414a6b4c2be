import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Loading } from '@nutui/nutui-react-taro'
import { formatYuan } from '@shebao/shared'
import { Button } from '../../components/Button'
import { contribApi, type DeclarationLinesT } from '../lib/api'
import DataTable, { type Column } from './DataTable'

type LineT = DeclarationLinesT['items'][number]

const COLUMNS: Column<LineT>[] = [
  { key: 'name', title: '姓名', primary: true, render: (l) => <Text>{l.name}</Text> },
  { key: 'id', title: '证件号码', size: 'wide', render: (l) => <Text className='ct-mono'>{l.idNumber}</Text> },
  { key: 'type', title: '险种', render: (l) => <Text>{l.label}</Text> },
  { key: 'wage', title: '申报工资', num: true, render: (l) => <Text>{l.wageFen === null ? '—' : formatYuan(l.wageFen)}</Text> },
  { key: 'base', title: '缴费基数', num: true, render: (l) => <Text>{l.baseYuan}</Text> },
  { key: 'unit', title: '单位缴费', num: true, render: (l) => <Text>{formatYuan(l.unitFen)}</Text> },
  { key: 'personal', title: '个人缴费', num: true, render: (l) => <Text>{formatYuan(l.personalFen)}</Text> }
]

/** 人员明细 of one declaration: each person's base and amounts per insurance type (ID numbers masked), paged. */
export default function DeclarationLines({ declarationId }: { declarationId: number }) {
  const [rows, setRows] = useState<LineT[]>([])
  const [total, setTotal] = useState(0)
  const [page, setPage] = useState(0)
  const [loading, setLoading] = useState(false)
  const [failed, setFailed] = useState(false)

  const load = async (p: number) => {
    setLoading(true)
    setFailed(false)
    try {
      const r = await contribApi.lines(declarationId, p)
      setRows((prev) => (p === 1 ? r.items : [...prev, ...r.items]))
      setTotal(r.total)
      setPage(p)
    } catch {
      setFailed(true)
    } finally {
      setLoading(false)
    }
  }
  useEffect(() => {
    void load(1)
  }, [declarationId])

  if (page === 0 && loading) return <Loading type='circular'>加载中</Loading>
  if (page === 0 && failed) {
    return (
      <View className='ct-actions'>
        <Text className='ct-muted'>人员明细加载失败</Text>
        <Button size='small' fill='outline' type='primary' onClick={() => void load(1)}>
          重试
        </Button>
      </View>
    )
  }
  return (
    <View className='ct-lines' data-declaration={declarationId}>
      <Text className='ct-note'>人员明细（共 {total} 条，金额单位：元）</Text>
      <DataTable columns={COLUMNS} rows={rows} rowKey={(l) => `${l.personNo}-${l.insuranceType}`} rowClass='ct-line' empty='没有人员明细' />
      {rows.length < total && (
        <View className='ct-table__more'>
          <Button size='small' fill='none' loading={loading} onClick={() => void load(page + 1)}>
            加载更多
          </Button>
        </View>
      )}
    </View>
  )
}
