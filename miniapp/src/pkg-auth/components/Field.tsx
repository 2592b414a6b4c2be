import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import { roleProps } from '../../pages/login/a11y'

export interface FieldProps {
  /** Input name (also the id stem of the label). */
  name: string
  label: string
  value: string
  onChange: (value: string) => void
  type?: 'text' | 'idcard' | 'number' | 'password' | 'digit'
  placeholder?: string
  maxLength?: number
  /** What is wrong with the value, in Chinese (shown under the field, announced). */
  problem?: string | null
  hint?: ReactNode
  /** Something beside the input (e.g. 获取验证码). */
  extra?: ReactNode
  first?: boolean
  disabled?: boolean
  onConfirm?: () => void
}

/** A labelled text field with its problem underneath, styled like the login page's fields. */
export default function Field(p: FieldProps) {
  const labelId = `f-${p.name}-label`
  return (
    <View className={`auth-field${p.first ? '' : ' auth-field--gap'}`}>
      <Text className='auth-label' id={labelId}>
        {p.label}
      </Text>
      <View className={`sb-field auth-field__row${p.problem ? ' auth-field__row--bad' : ''}`}>
        <View className='auth-field__input'>
          <Input
            name={p.name}
            type={p.type ?? 'text'}
            value={p.value}
            maxLength={p.maxLength}
            placeholder={p.placeholder}
            disabled={p.disabled}
            clearable={p.type !== 'password'}
            onChange={p.onChange}
            onConfirm={p.onConfirm}
            aria-labelledby={labelId}
            aria-invalid={p.problem ? 'true' : 'false'}
          />
        </View>
        {p.extra}
      </View>
      {p.problem ? (
        <View className='auth-problem' data-field={p.name} {...roleProps('alert')}>
          {p.problem}
        </View>
      ) : p.hint ? (
        <Text className='auth-hint'>{p.hint}</Text>
      ) : null}
    </View>
  )
}
