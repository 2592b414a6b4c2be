import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Toast } from '@nutui/nutui-react-taro'
import { useCareMode } from '../../hooks/useCareMode'
import { TOAST_ID } from '../../services/toast'
import './index.scss'

export interface PageShellProps {
  children: ReactNode
  className?: string
}

/**
 * Root of every page: applies care mode (`care-mode` class → larger type) and hosts the page's toast.
 */
export default function PageShell({ children, className }: PageShellProps) {
  const { enabled } = useCareMode()
  const classes = ['sb-page', enabled ? 'care-mode' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <View className={classes} data-care-mode={enabled ? 'on' : 'off'}>
      {children}
      <Toast id={TOAST_ID} />
    </View>
  )
}
