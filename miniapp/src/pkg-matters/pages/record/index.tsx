import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Dialog } from '@nutui/nutui-react-taro'
import { Button } from '../../../components/Button'
import PageShell from '../../../components/PageShell'
import { MATTER_PAGES } from '../../../constants/pages'
import { api } from '../../../services/api'
import { toastSuccess } from '../../../services/toast'
import Materials from '../../components/Materials'
import CaseBody from '../../components/CaseBody'
import { printReport } from '../../lib/report'
import type { CaseDetailT, MatterInfoT } from '../../lib/types'
import '../../components/Wizard/index.scss'

/** 办件详情: status, 业务流水号, rows, materials, timeline; 打印相关表单 (预览申报表 for a draft); 继续办理 a draft, 撤销 before review. */
export default function RecordPage() {
  const { params } = useRouter()
  const [detail, setDetail] = useState<CaseDetailT | null>(null)
  const [error, setError] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [matter, setMatter] = useState<MatterInfoT | null>(null)
  useEffect(() => {
    api
      .get<CaseDetailT>(`/api/cases/${params.serialNo}`, { toast: false })
      .then((d) => {
        setDetail(d)
        return api.get<MatterInfoT>(`/api/matters/${d.matterCode}`, { toast: false }).then(setMatter)
      })
      .catch((e) => setError(e.message))
  }, [params.serialNo])

  const withdraw = async () => {
    setConfirming(false)
    if (!detail) return
    const d = await api.post<CaseDetailT>(`/api/cases/${detail.serialNo}/withdraw`, {}, { loading: '撤销中' }).catch(() => null)
    if (d) {
      setDetail(d)
      toastSuccess('已撤销')
    }
  }

  return (
    <PageShell className='mr-detail'>
      {!detail && <Text className='sb-intro'>{error || '加载中…'}</Text>}
      {detail && (
        <>
          <CaseBody detail={detail} matter={matter} />
          <Materials detail={detail} editable={false} />
          <View className='mw-actions mw-actions--row'>
            {detail.status !== 'WITHDRAWN' && (
              <Button type='primary' fill='outline' onClick={() => printReport(detail.serialNo)} className='mr-print'>
                {detail.status === 'DRAFT' ? '预览申报表' : '打印相关表单'}
              </Button>
            )}
            {detail.actions.edit && (
              <Button type='primary' onClick={() => Taro.navigateTo({ url: MATTER_PAGES.wizard(detail.matterCode, detail.serialNo) })} className='mr-continue'>
                继续办理
              </Button>
            )}
            {detail.actions.withdraw && (
              <Button type='danger' fill='outline' onClick={() => setConfirming(true)} className='mr-withdraw'>
                撤销
              </Button>
            )}
          </View>
          <Dialog visible={confirming} title='撤销业务' content='撤销后该业务不再办理，确定撤销吗？' onConfirm={withdraw} onCancel={() => setConfirming(false)} />
        </>
      )}
    </PageShell>
  )
}
