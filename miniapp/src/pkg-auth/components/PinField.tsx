import { PIN_LENGTH, digitsOnly } from '../../utils/credentials'
import Field, { type FieldProps } from './Field'

type PinFieldProps = Omit<FieldProps, 'type' | 'maxLength' | 'placeholder'> & { placeholder?: string }

/** A PIN field: masked, digits only, PIN_LENGTH long ("6 位数字" unless told otherwise). */
export default function PinField({ placeholder, onChange, ...rest }: PinFieldProps) {
  return <Field {...rest} type='password' maxLength={PIN_LENGTH} placeholder={placeholder ?? `${PIN_LENGTH} 位数字`} onChange={(v) => onChange(digitsOnly(v))} />
}
