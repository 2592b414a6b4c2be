import { useEffect, useState } from 'react'
import { Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import PageShell from '../../../components/PageShell'
import { useSessionUser } from '../../../hooks/useSession'
import { api } from '../../../services/api'
import Wizard from '../../components/Wizard'
import type { CaseDetailT, MatterInfoT } from '../../lib/types'

/** 业务办理: the wizard for `?code=` (new case) or `?serialNo=` (continue a saved draft). */
export default function WizardPage() {
  const { params } = useRouter()
  const user = useSessionUser()
  const [matter, setMatter] = useState<MatterInfoT | null>(null)
  const [draft, setDraft] = useState<CaseDetailT | null>(null)
  const [error, setError] = useState('')
  useEffect(() => {
    ;(async () => {
      try {
        let code = params.code ?? ''
        if (params.serialNo) {
          const d = await api.get<CaseDetailT>(`/api/cases/${params.serialNo}`)
          setDraft(d)
          code = d.matterCode
        }
        const m = await api.get<MatterInfoT>(`/api/matters/${code}`)
        setMatter(m)
        Taro.setNavigationBarTitle({ title: m.name }).catch(() => undefined)
      } catch (e) {
        setError(e instanceof Error ? e.message : '加载失败')
      }
    })()
  }, [params.code, params.serialNo])
  return (
    <PageShell className='mw-page'>
      {!matter && <Text className='sb-intro'>{error || '加载中…'}</Text>}
      {matter && (!params.serialNo || draft) && <Wizard matter={matter} initial={draft} defaultApplicant={user?.name ?? ''} />}
    </PageShell>
  )
}
