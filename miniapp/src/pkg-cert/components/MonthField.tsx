import { useState } from 'react'
import { Cell, DatePicker } from '@nutui/nutui-react-taro'
import { ArrowRight } from '@nutui/icons-react-taro'
import { formatPeriod } from '@shebao/shared'

/** YYYYMM ↔ Date (the first of the month, local time: only year and month are read back). */
const toDate = (p: number) => new Date(Math.floor(p / 100), (p % 100) - 1, 1)
const toPeriod = (d: Date) => d.getFullYear() * 100 + d.getMonth() + 1

export interface MonthFieldProps {
  label: string
  value: number
  /** Earliest and latest selectable months (YYYYMM). */
  min: number
  max: number
  onChange: (period: number) => void
}

/** A cell showing a month (年月) that opens NutUI's year-month picker. */
export default function MonthField({ label, value, min, max, onChange }: MonthFieldProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Cell
        className='month-field'
        title={label}
        extra={
          <>
            {formatPeriod(value)} <ArrowRight size={12} />
          </>
        }
        align='center'
        clickable
        onClick={() => setOpen(true)}
      />
      <DatePicker
        title={`选择${label}`}
        type='year-month'
        visible={open}
        value={toDate(value)}
        startDate={toDate(min)}
        endDate={toDate(max)}
        showChinese
        onClose={() => setOpen(false)}
        onConfirm={(_options, values) => {
          const [y, m] = values.map(Number)
          if (y && m) onChange(toPeriod(new Date(y, m - 1, 1)))
        }}
      />
    </>
  )
}
