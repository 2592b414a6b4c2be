import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { TextArea } from '@nutui/nutui-react-taro'
import { Button } from '../../../components/Button'
import PageShell from '../../../components/PageShell'
import { api } from '../../../services/api'
import { toastError, toastSuccess } from '../../../services/toast'
import CaseBody, { ChangeTable } from '../../../pkg-matters/components/CaseBody'
import Materials from '../../../pkg-matters/components/Materials'
import { printReport } from '../../../pkg-matters/lib/report'
import type { MatterInfoT, ReviewCaseDetailT } from '../../../pkg-matters/lib/types'
import '../../../pkg-matters/components/Wizard/index.scss'
import '../../styles/review.scss'

/** 审核详情: unit, 变更项/变更前值/变更后值, rows, materials, timeline, 查看申报表 (PDF); 审核通过 or 退回 with a reason. */
export default function ReviewDetail() {
  const { params } = useRouter()
  const [detail, setDetail] = useState<ReviewCaseDetailT | null>(null)
  const [matter, setMatter] = useState<MatterInfoT | null>(null)
  const [error, setError] = useState('')
  const [returning, setReturning] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)

  const load = async () => {
    try {
      const d = await api.get<ReviewCaseDetailT>(`/api/review/cases/${params.serialNo}`, { toast: false })
      setDetail(d)
      setMatter(await api.get<MatterInfoT>(`/api/matters/${d.matterCode}`, { toast: false }))
    } catch (e) {
      setError(e instanceof Error ? e.message : '加载失败')
    }
  }
  useEffect(() => {
    load()
  }, [params.serialNo])

  const approve = async () => {
    if (!detail) return
    setBusy(true)
    try {
      const r = await api.post<{ results: { ok: boolean; error?: { message: string } }[] }>('/api/review/cases/approve', { serialNos: [detail.serialNo] }, { loading: '审核中' })
      const res = r.results[0]
      if (res?.ok) {
        toastSuccess('已审核通过')
        await load()
      } else toastError(res?.error?.message ?? '审核失败')
    } catch {
      // toasted
    } finally {
      setBusy(false)
    }
  }

  const sendBack = async () => {
    if (!detail) return
    if (reason.trim().length < 2) return toastError('请填写退回原因')
    setBusy(true)
    try {
      setDetail(await api.post<ReviewCaseDetailT>(`/api/review/cases/${detail.serialNo}/return`, { reason: reason.trim() }, { loading: '退回中' }))
      setReturning(false)
      toastSuccess('已退回')
    } catch {
      // toasted
    } finally {
      setBusy(false)
    }
  }

  // Per-row before/after (staff info changes): one table per changed row.
  const rowChanges = (detail?.items ?? []).filter((it) => it.changes && it.changes.length > 0)
  const pending = detail?.status === 'SUBMITTED'

  return (
    <PageShell className='rv rv-detail'>
      <View className='rv-top'>
        <Text className='rv-top__back rv-link' onClick={() => Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/pkg-review/pages/index/index' }))}>
          ‹ 返回审核队列
        </Text>
        <Text className='rv-top__title'>审核详情</Text>
      </View>
      {!detail && <Text className='sb-intro'>{error || '加载中…'}</Text>}
      {detail && (
        <View className='rv-detail__grid'>
          <View className='rv-detail__main'>
            <CaseBody detail={detail} matter={matter} />
            {rowChanges.map((it) => (
              <View key={it.rowNo}>
                <Text className='sb-section-title'>第 {it.rowNo} 条：{String(it.data.name ?? it.data.personNo ?? '')}</Text>
                <ChangeTable rows={it.changes!} />
              </View>
            ))}
          </View>
          <View className='rv-detail__side'>
            {detail.unitInfo && (
              <View className='sb-card rv-unit'>
                <Text className='mw-card-title'>申报单位</Text>
                <Text className='rv-unit__line'>{detail.unitInfo.name}</Text>
                <Text className='rv-unit__line'>单位编号 {detail.unitInfo.unitNo}</Text>
                <Text className='rv-unit__line'>统一社会信用代码 {detail.unitInfo.creditCode}</Text>
                <Text className='rv-unit__line'>法定代表人 {detail.unitInfo.legalRepName}</Text>
              </View>
            )}
            <View className='sb-card rv-report'>
              <Text className='mw-card-title'>申报表</Text>
              <Text className='mw-hint'>单位提交的申报表 / 花名册（PDF），可对照审核或打印。</Text>
              <Button fill='outline' type='primary' block onClick={() => printReport(detail.serialNo)} className='rv-report__open'>
                查看申报表
              </Button>
            </View>
            {detail.materialChecklist.length > 0 ? <Materials detail={detail} editable={false} /> : <View className='sb-card'><Text className='mw-hint'>该事项无需附件材料</Text></View>}
            <View className='sb-card rv-decide'>
              <Text className='mw-card-title'>审核</Text>
              {!pending && <Text className='mw-hint'>该业务当前状态为“{detail.statusLabel}”，无需审核。</Text>}
              {pending && !returning && (
                <View className='rv-decide__buttons'>
                  <Button type='primary' disabled={busy} onClick={approve} className='rv-approve'>
                    审核通过
                  </Button>
                  <Button type='danger' disabled={busy} onClick={() => setReturning(true)} className='rv-return'>
                    退回
                  </Button>
                </View>
              )}
              {pending && returning && (
                <View className='rv-decide__return'>
                  <Text className='rv-filter__label'>退回原因（申请人可见，必填）</Text>
                  <TextArea className='rv-reason' value={reason} onChange={setReason} placeholder='请说明需要补正的内容' maxLength={500} rows={3} showCount />
                  <View className='rv-decide__buttons'>
                    <Button onClick={() => setReturning(false)}>取消</Button>
                    <Button type='danger' disabled={busy || reason.trim().length < 2} onClick={sendBack} className='rv-return-confirm'>
                      确认退回
                    </Button>
                  </View>
                </View>
              )}
            </View>
          </View>
        </View>
      )}
    </PageShell>
  )
}
