import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

export interface Column<T> {
  key: string
  title: string
  render: (row: T) => ReactNode
  /** A number: right-aligned in the table. */
  num?: boolean
  size?: 'wide' | 'narrow'
  /** On a phone the row's card title (no label). */
  primary?: boolean
}

export interface DataTableProps<T> {
  columns: Column<T>[]
  rows: T[]
  rowKey: (row: T) => string | number
  /** Rows drawn bold after the others (合计). */
  totalRows?: T[]
  rowClass?: string
  /** data-* attributes of a row (tests and styling hooks). */
  rowData?: (row: T) => Record<string, string | number>
  /** The 操作 column. */
  actions?: (row: T) => ReactNode
  /** Content under a row (人员明细, 到账进度), the full width. */
  extra?: (row: T) => ReactNode
  empty?: string
  className?: string
  label?: string
}

/**
 * One markup for both layouts: on a phone each row is a block with every value under its label (the labels are
 * real text, not CSS `attr()`, so the mini-program shows them too); from 768 CSS px the rows are a table.
 */
export default function DataTable<T>({ columns, rows, rowKey, totalRows, rowClass, rowData, actions, extra, empty, className, label }: DataTableProps<T>) {
  const cellClass = (c: Column<T>) =>
    ['ct-table__cell', c.num ? 'ct-table__cell--num' : '', c.size ? `ct-table__cell--${c.size}` : '', c.primary ? 'ct-table__cell--primary' : ''].filter(Boolean).join(' ')
  const row = (r: T, total: boolean) => {
    const data = rowData?.(r) ?? {}
    const attrs: Record<string, string | number> = {}
    for (const [k, v] of Object.entries(data)) attrs[`data-${k}`] = v
    const more = extra?.(r)
    return (
      <View key={`${total ? 't' : 'r'}-${rowKey(r)}`} className={`ct-table__row ${total ? 'ct-table__row--total' : rowClass ?? ''}`} {...attrs}>
        {columns.map((c) => (
          <View key={c.key} className={cellClass(c)} data-col={c.key}>
            {!c.primary && <Text className='ct-table__label'>{c.title}</Text>}
            <View className='ct-table__value'>{c.render(r)}</View>
          </View>
        ))}
        {actions && <View className='ct-table__cell ct-table__cell--actions'>{total ? null : actions(r)}</View>}
        {more ? <View className='ct-table__extra'>{more}</View> : null}
      </View>
    )
  }
  return (
    <View className={`ct-table ${className ?? ''}`} ariaLabel={label}>
      <View className='ct-table__row ct-table__row--head'>
        {columns.map((c) => (
          <Text key={c.key} className={cellClass(c)}>
            {c.title}
          </Text>
        ))}
        {actions && <Text className='ct-table__cell ct-table__cell--actions'>操作</Text>}
      </View>
      {rows.length === 0 && empty ? <Text className='ct-table__empty'>{empty}</Text> : null}
      {rows.map((r) => row(r, false))}
      {(totalRows ?? []).map((r) => row(r, true))}
    </View>
  )
}

/** A status tag in the tone of its code. */
export function StatusTag({ tone, children, className }: { tone: string; children: ReactNode; className?: string }) {
  return <Text className={`ct-tag ct-tag--${tone} ${className ?? ''}`}>{children}</Text>
}

/** 到账进度: the five steps (缴费认定 → 实收分配), done ones in green. */
export function Progress({ steps }: { steps: Array<{ step: string; done: boolean; atText: string | null }> }) {
  return (
    <View className='ct-steps' ariaLabel='到账进度'>
      {steps.map((s, i) => (
        <View key={s.step} className={`ct-step ${s.done ? 'ct-step--done' : ''}`} data-done={s.done ? 'true' : 'false'}>
          {i > 0 && <View className='ct-step__bar' />}
          <View className='ct-step__dot' />
          <Text>{s.step}</Text>
        </View>
      ))}
    </View>
  )
}
