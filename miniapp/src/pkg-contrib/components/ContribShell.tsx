import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '../../components/Button'
import PageShell from '../../components/PageShell'
import { useSessionUser } from '../../hooks/useSession'
import { roleProps } from '../../pages/login/a11y'
import { UNIT_HALL_PAGE_URL } from '../../pages/login/nav'
import '../styles/contrib.scss'

/** Back to where the clerk came from, or to the hall when the page was opened directly (H5 link, reload). */
export function goBack(fallback = UNIT_HALL_PAGE_URL) {
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack()
  else Taro.redirectTo({ url: fallback })
}

export interface ContribShellProps {
  title: string
  /** 单位名称 and 单位编号 once known. */
  unit?: { name: string; unitNo: string } | null
  className?: string
  children: ReactNode
}

/**
 * The frame of the unit's 缴费 pages: a header (back to the hall, title, unit) and the body; a unit session is
 * required (a person or a signed-out visitor is sent to 单位登录 through the hall).
 */
export default function ContribShell({ title, unit, className, children }: ContribShellProps) {
  const user = useSessionUser()
  if (user?.role !== 'UNIT') {
    return (
      <PageShell className={`ct ${className ?? ''}`}>
        <View className='ct-state ct-state--guest'>
          <Text>“{title}”是单位业务，请单位经办人使用掌上社保扫码登录（单位登录）后办理。</Text>
          <Button type='primary' onClick={() => Taro.redirectTo({ url: UNIT_HALL_PAGE_URL })}>
            前往单位网上服务大厅
          </Button>
        </View>
      </PageShell>
    )
  }
  const unitName = unit?.name ?? user.unitName ?? ''
  return (
    <PageShell className={`ct ${className ?? ''}`}>
      <View className='ct-top'>
        <View className='ct-top__back' onClick={() => goBack()} {...roleProps('link')}>
          <Text>‹ 返回</Text>
        </View>
        <Text className='ct-top__title'>{title}</Text>
        {unitName && (
          <Text className='ct-top__unit'>
            {unitName}
            {unit?.unitNo ? `（单位编号 ${unit.unitNo}）` : ''}
          </Text>
        )}
      </View>
      <View className='ct-body'>{children}</View>
    </PageShell>
  )
}
