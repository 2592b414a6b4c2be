import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Cell } from '@nutui/nutui-react-taro'
import PageShell from '../../../components/PageShell'
import { MATTER_PAGES } from '../../../constants/pages'
import { useSessionUser } from '../../../hooks/useSession'
import { api } from '../../../services/api'
import type { MatterSummaryT } from '../../lib/types'
import '../../components/Wizard/index.scss'

/** 事项列表: the matter catalogue grouped by category; unit clerks see unit matters, persons their own. */
export default function MattersIndex() {
  const user = useSessionUser()
  const [items, setItems] = useState<MatterSummaryT[] | null>(null)
  useEffect(() => {
    api
      .get<{ items: MatterSummaryT[] }>('/api/matters')
      .then((r) => setItems(r.items))
      .catch(() => setItems([]))
  }, [])
  const applicant = user?.role === 'PERSON' ? 'person' : 'unit'
  const visible = (items ?? []).filter((m) => m.applicant === applicant)
  const groups = new Map<string, MatterSummaryT[]>()
  for (const m of visible) groups.set(m.categoryLabel, [...(groups.get(m.categoryLabel) ?? []), m])

  const open = (code: string) => {
    if (!user) return Taro.navigateTo({ url: '/pages/login/index' })
    Taro.navigateTo({ url: MATTER_PAGES.wizard(code) })
  }

  return (
    <PageShell className='mw-index'>
      <View className='mw-head'>
        <Text className='mw-head__title'>{applicant === 'unit' ? '单位办事' : '个人办事'}</Text>
        <Text className='mw-hint'>{user ? (user.unitName ? `当前单位：${user.unitName}` : `当前用户：${user.name ?? ''}`) : '登录后办理'}</Text>
      </View>
      <Cell.Group className='sb-links'>
        <Cell title='办件记录' description='查看已保存、已提交业务的办理进度，撤销未审核的业务' onClick={() => Taro.navigateTo({ url: MATTER_PAGES.records })} />
      </Cell.Group>
      {items === null && <Text className='sb-intro'>加载中…</Text>}
      {items !== null && visible.length === 0 && <Text className='sb-intro'>暂无可在线办理的事项</Text>}
      {[...groups].map(([label, ms]) => (
        <View key={label} className='mw-group'>
          <Text className='sb-section-title'>{label}</Text>
          <Cell.Group className='sb-links'>
            {ms.map((m) => (
              <Cell
                key={m.code}
                className='mw-matter'
                title={m.name}
                description={m.description}
                extra={m.review === 'instant' ? '即时办结' : '中心审核'}
                onClick={() => open(m.code)}
                data-code={m.code}
              />
            ))}
          </Cell.Group>
        </View>
      ))}
    </PageShell>
  )
}
