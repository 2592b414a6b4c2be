import { forwardRef, type ComponentPropsWithoutRef } from 'react'
import { Button as NutButton } from '@nutui/nutui-react-taro'
import { roleProps } from '../../pages/login/a11y'

/**
 * NutUI's Button renders Taro's <taro-button-core> on H5, which has no button role: this one carries it, so screen
 * readers announce a button and tests find it by role and name. The only place that imports NutUI's Button
 * (test/button.test.tsx); same props and ref (a role given with roleProps still wins).
 */
const BUTTON_ROLE = roleProps('button')

export type ButtonProps = ComponentPropsWithoutRef<typeof NutButton>

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(props, ref) {
  return <NutButton {...BUTTON_ROLE} {...props} ref={ref} />
})

