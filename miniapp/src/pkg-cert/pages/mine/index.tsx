import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Dialog, TextArea } from '@nutui/nutui-react-taro'
import { Button } from '../../../components/Button'
import PageShell from '../../../components/PageShell'
import { useSessionUser } from '../../../hooks/useSession'
import { openPdf } from '../../../platform'
import { LOGIN_PAGE } from '../../../services/api'
import { toastError, toastSuccess } from '../../../services/toast'
import { chineseDate, chineseTime } from '../../../utils/time'
import { certApi, type CertificateRow } from '../../api'
import './index.scss'

/** 我的证明: the proofs issued by (or for the unit of) the signed-in user — open again, or void with a reason. */
export default function MyCertificates() {
  const user = useSessionUser()
  const [rows, setRows] = useState<CertificateRow[]>([])
  const [total, setTotal] = useState(0)
  const [page, setPage] = useState(1)
  const [loading, setLoading] = useState(false)
  const [loaded, setLoaded] = useState(false)
  const [revoking, setRevoking] = useState<CertificateRow | null>(null)
  const [reason, setReason] = useState('')

  const load = async (p: number) => {
    setLoading(true)
    try {
      const r = await certApi.mine(p)
      setRows((prev) => (p === 1 ? r.items : [...prev, ...r.items]))
      setTotal(r.total)
      setPage(p)
    } catch {
      // toasted
    } finally {
      setLoading(false)
      setLoaded(true)
      Taro.stopPullDownRefresh()
    }
  }
  useEffect(() => {
    if (user) void load(1)
  }, [user?.id])
  usePullDownRefresh(() => void load(1))

  const open = async (row: CertificateRow) => {
    try {
      await openPdf(row.pdfPath)
    } catch (e) {
      toastError((e as Error).message)
    }
  }

  const confirmRevoke = async () => {
    if (!revoking) return
    const text = reason.trim()
    if (text.length < 2) {
      toastError('请填写作废原因（至少2个字）')
      return
    }
    try {
      const updated = await certApi.revoke(revoking.id, text)
      setRows((prev) => prev.map((r) => (r.id === updated.id ? updated : r)))
      setRevoking(null)
      setReason('')
      toastSuccess('已作废')
    } catch {
      // toasted
    }
  }

  if (!user) {
    return (
      <PageShell className='mine-certs'>
        <View className='sb-card mine-certs__login'>
          <Text className='mine-certs__hint'>请先登录后查看已开具的证明。</Text>
          <Button block type='primary' onClick={() => Taro.navigateTo({ url: LOGIN_PAGE })}>
            登录
          </Button>
        </View>
      </PageShell>
    )
  }

  return (
    <PageShell className='mine-certs'>
      <Text className='sb-section-title'>{user.role === 'UNIT' ? '本单位开具的证明' : '本人开具的证明'}（共 {total} 份）</Text>
      {loaded && rows.length === 0 && <Text className='mine-certs__hint mine-certs__hint--pad'>还没有开具过证明。</Text>}
      {rows.map((r) => (
        <View key={r.id} className='sb-card mine-certs__item'>
          <View className='mine-certs__top'>
            <Text className='mine-certs__title'>{r.title}</Text>
            <Text className={`mine-certs__state mine-certs__state--${r.state.toLowerCase()}`}>{r.stateLabel}</Text>
          </View>
          {r.summary && <Text className='mine-certs__line'>{r.summary}</Text>}
          <Text className='mine-certs__line'>
            开具 {chineseTime(r.issuedAt)} · 验证至 {chineseDate(r.expiresAt)} · 授权码尾号 {r.codeTail}
          </Text>
          {r.state === 'REVOKED' && r.revokeReason && <Text className='mine-certs__line'>作废原因：{r.revokeReason}</Text>}
          <View className='mine-certs__actions'>
            <Button size='small' type='primary' fill='outline' onClick={() => open(r)}>
              查看 PDF
            </Button>
            {r.status === 'VALID' && (
              <Button size='small' fill='none' onClick={() => setRevoking(r)}>
                作废
              </Button>
            )}
          </View>
        </View>
      ))}
      {rows.length < total && (
        <View className='mine-certs__more'>
          <Button size='small' fill='none' loading={loading} onClick={() => load(page + 1)}>
            加载更多
          </Button>
        </View>
      )}
      <Dialog
        visible={revoking !== null}
        title='作废证明'
        confirmText='确认作废'
        cancelText='取消'
        onConfirm={confirmRevoke}
        onCancel={() => {
          setRevoking(null)
          setReason('')
        }}
      >
        <Text className='mine-certs__hint'>作废后扫码验证将显示“已作废”，不可恢复。</Text>
        <TextArea className='mine-certs__reason' value={reason} maxLength={100} placeholder='请填写作废原因' onChange={setReason} />
      </Dialog>
    </PageShell>
  )
}
