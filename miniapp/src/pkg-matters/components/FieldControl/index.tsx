import { Picker, Text, View } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import type { WizardField } from '../Wizard/fields'

export interface FieldControlProps {
  field: WizardField
  value: string | string[] | undefined
  onChange: (v: string | string[]) => void
  /** Prefix of the input's name (two editors on one page: `clerks.phone`). */
  namePrefix?: string
}

/** One labelled field of a catalogue-driven form: text/ID/phone/money input, code picker, date picker, multi-choice chips. */
export default function FieldControl({ field, value, onChange, namePrefix = '' }: FieldControlProps) {
  const str = typeof value === 'string' ? value : ''
  let control: React.ReactNode
  if (field.kind === 'multi') {
    const picked = Array.isArray(value) ? value : []
    control = (
      <View className='mw-chips'>
        {field.options!.map((o) => {
          const on = picked.includes(o.value)
          return (
            <Text
              key={o.value}
              className={`mw-chip ${on ? 'is-on' : ''}`}
              data-value={o.value}
              onClick={() => onChange(on ? picked.filter((p) => p !== o.value) : [...picked, o.value])}
            >
              {o.label}
            </Text>
          )
        })}
      </View>
    )
  } else if (field.kind === 'code' && field.options) {
    const idx = field.options.findIndex((o) => o.value === str)
    control = (
      <Picker mode='selector' range={field.options.map((o) => o.label)} value={Math.max(0, idx)} onChange={(e) => onChange(field.options![Number(e.detail.value)]!.value)}>
        <Text className={`mw-picker ${idx < 0 ? 'is-empty' : ''}`}>{idx >= 0 ? field.options[idx]!.label : field.placeholder}</Text>
      </Picker>
    )
  } else if (field.kind === 'date') {
    control = (
      <Picker mode='date' value={str || new Date().toISOString().slice(0, 10)} onChange={(e) => onChange(String(e.detail.value))}>
        <Text className={`mw-picker ${str ? '' : 'is-empty'}`}>{str || field.placeholder}</Text>
      </Picker>
    )
  } else {
    control = (
      <Input
        className='mw-input'
        name={namePrefix + field.field}
        value={str}
        onChange={(v) => onChange(v)}
        placeholder={field.placeholder}
        type={field.kind === 'money' ? 'digit' : field.kind === 'phone' ? 'tel' : field.kind === 'idNumber' ? 'idcard' : 'text'}
        maxLength={field.kind === 'idNumber' ? 18 : 256}
      />
    )
  }
  return (
    <View className={`mw-field mw-field--${field.kind}`} data-field={namePrefix + field.field}>
      <Text className='mw-field__label'>
        {field.required && <Text className='mw-field__star'>*</Text>}
        {field.label}
      </Text>
      <View className='mw-field__control'>{control}</View>
    </View>
  )
}
