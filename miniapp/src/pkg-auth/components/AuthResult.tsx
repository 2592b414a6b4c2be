import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

export interface AuthResultProps {
  title?: string
  text?: ReactNode
  /** Above the title (an icon or a spinner). */
  icon?: ReactNode
  /** The icon's backdrop: ok (green), bad (red), or plain. */
  tone?: 'ok' | 'bad'
  textClassName?: string
  actionsClassName?: string
  /** The buttons under the text. */
  children?: ReactNode
}

/** Where a sign-in step ends: an icon, what happened, what to do next (the buttons). */
export default function AuthResult({ title, text, icon, tone, textClassName, actionsClassName, children }: AuthResultProps) {
  return (
    <View className='auth-result'>
      {icon && <View className={`auth-result__icon${tone ? ` auth-result__icon--${tone}` : ''}`}>{icon}</View>}
      {title && <Text className='auth-result__title'>{title}</Text>}
      {text && <Text className={`auth-result__text${textClassName ? ` ${textClassName}` : ''}`}>{text}</Text>}
      {children && <View className={`auth-actions${actionsClassName ? ` ${actionsClassName}` : ''}`}>{children}</View>}
    </View>
  )
}
