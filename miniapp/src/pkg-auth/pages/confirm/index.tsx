import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Loading, Radio } from '@nutui/nutui-react-taro'
import { Check, Close, Internation, Tips } from '@nutui/icons-react-taro'
import { LoginTargets, shanghaiDateTime, type LoginTicketStatus, type ScanLoginTicketResponse } from '@shebao/shared'
import { Button } from '../../../components/Button'
import PageShell from '../../../components/PageShell'
import { useSessionUser } from '../../../hooks/useSession'
import { api, ApiError } from '../../../services/api'
import { HOME_PAGE_URL, LOGIN_PAGE_URL, SCAN_PAGE_URL } from '../../../pages/login/nav'
import AuthResult from '../../components/AuthResult'
import { formatShortCode } from '../../lib/shortCode'
import '../../styles/auth.scss'
import './index.scss'

type Phase = 'SIGN_IN' | 'SCANNING' | 'ASK' | 'CONFIRMING' | 'CANCELLING' | 'CONFIRMED' | 'CANCELLED' | 'FAILED'

/** Server errors that mean "start again from the PC", with what to say. */
function failureText(e: unknown): string {
  if (!(e instanceof ApiError)) return '操作失败，请稍后重试'
  if (e.code === 'LOGIN_TICKET_EXPIRED') return '二维码已过期，请在电脑上刷新二维码后重新扫码'
  if (e.code === 'FORBIDDEN') return '请使用本人电子社保卡登录后再扫码'
  return e.message
}

/**
 * The phone's side of 扫码登录: reached from the scanner (`?ticket=` from the QR, or `?code=` typed), or by
 * opening the QR's URL with the phone's own camera. Takes the ticket (scan), shows who is asking — the PC's
 * browser/OS, IP and time, the system and the kind of login — and, for 单位登录, the units that authorised this
 * person (only those, from the server). 确认登录 or 取消. Signed out, it sends the person to sign in and carries on.
 */
export default function ConfirmLogin() {
  const { params } = useRouter()
  const ticketParam = params.ticket ? decodeURIComponent(params.ticket) : ''
  const codeParam = params.code ? decodeURIComponent(params.code) : ''
  const user = useSessionUser()
  const [phase, setPhase] = useState<Phase>(user ? 'SCANNING' : 'SIGN_IN')
  const [info, setInfo] = useState<ScanLoginTicketResponse | null>(null)
  const [unitId, setUnitId] = useState<number | null>(null)
  const [problem, setProblem] = useState('')
  const [unitProblem, setUnitProblem] = useState('')
  const scannedFor = useRef<string | null>(null)
  const sentToLogin = useRef(false)

  // Signed out: to the login page once (it comes back here after signing in).
  useEffect(() => {
    if (user) return
    setPhase('SIGN_IN')
    if (!sentToLogin.current) {
      sentToLogin.current = true
      Taro.navigateTo({ url: LOGIN_PAGE_URL })
    }
  }, [user])

  // Signed in: take the ticket (once per person; the same phone may scan again harmlessly).
  useEffect(() => {
    if (!user) return
    if (!ticketParam && !codeParam) {
      setPhase('FAILED')
      setProblem('没有要确认的登录，请在电脑上打开登录二维码后扫码')
      return
    }
    if (scannedFor.current === user.id) return
    scannedFor.current = user.id
    setPhase('SCANNING')
    const body = ticketParam ? { ticketId: ticketParam } : { shortCode: codeParam }
    api
      .post<ScanLoginTicketResponse>('/api/auth/login-tickets/scan', body, { toast: false })
      .then((r) => {
        setInfo(r)
        if (r.units.length === 1) setUnitId(r.units[0]!.id)
        setPhase('ASK')
      })
      .catch((e) => {
        setProblem(failureText(e))
        setPhase('FAILED')
      })
  }, [user, ticketParam, codeParam])

  const confirm = async () => {
    if (!info) return
    if (info.target === 'UNIT' && unitId === null) {
      setUnitProblem('请选择要登录的单位')
      return
    }
    setPhase('CONFIRMING')
    try {
      await api.post<LoginTicketStatus>(
        `/api/auth/login-tickets/${encodeURIComponent(info.ticketId)}/confirm`,
        info.target === 'UNIT' ? { unitId } : {},
        { toast: false }
      )
      setPhase('CONFIRMED')
    } catch (e) {
      setProblem(failureText(e))
      setPhase('FAILED')
    }
  }

  const cancel = async () => {
    if (!info) return
    setPhase('CANCELLING')
    try {
      await api.post<LoginTicketStatus>(`/api/auth/login-tickets/${encodeURIComponent(info.ticketId)}/cancel`, undefined, { toast: false })
      setPhase('CANCELLED')
    } catch (e) {
      setProblem(failureText(e))
      setPhase('FAILED')
    }
  }

  const done = () => {
    if (Taro.getCurrentPages().length > 1) Taro.navigateBack()
    else Taro.switchTab({ url: HOME_PAGE_URL })
  }

  const chosenUnit = info?.units.find((u) => u.id === unitId)

  return (
    <PageShell className='cfm'>
      <View className='auth-narrow' data-phase={phase}>
        {phase === 'SIGN_IN' && (
          <AuthResult icon={<Tips size={32} color='#1677ff' />} title='请先登录电子社保卡' text='登录后即可确认电脑端的扫码登录。' actionsClassName='cfm__wide'>
            <Button block type='primary' onClick={() => Taro.navigateTo({ url: LOGIN_PAGE_URL })}>
              登录电子社保卡
            </Button>
          </AuthResult>
        )}

        {phase === 'SCANNING' && (
          <View className='auth-result'>
            <Loading type='circular' />
            <Text className='auth-result__text'>
              正在读取登录信息{codeParam ? `（登录码 ${formatShortCode(codeParam)}）` : ''}…
            </Text>
          </View>
        )}

        {info && (phase === 'ASK' || phase === 'CONFIRMING' || phase === 'CANCELLING') && (
          <View className='cfm__ask'>
            <View className='cfm__hero'>
              <View className='cfm__hero-icon'>
                <Internation size={36} color='#1677ff' />
              </View>
              <Text className='cfm__hero-title'>{info.system}</Text>
              <Text className='cfm__hero-sub'>电脑端请求{LoginTargets.label(info.target)}</Text>
            </View>

            <Text className='sb-section-title'>登录请求</Text>
            <View className='sb-card cfm__request' aria-label='发起登录的电脑'>
              <View className='auth-kv'>
                <Text className='auth-kv__k'>登录方式</Text>
                <Text className='auth-kv__v cfm__target'>{LoginTargets.label(info.target)}</Text>
              </View>
              <View className='auth-kv'>
                <Text className='auth-kv__k'>浏览器</Text>
                <Text className='auth-kv__v cfm__browser'>{info.requester.browser}</Text>
              </View>
              <View className='auth-kv'>
                <Text className='auth-kv__k'>操作系统</Text>
                <Text className='auth-kv__v cfm__os'>{info.requester.os}</Text>
              </View>
              <View className='auth-kv'>
                <Text className='auth-kv__k'>IP 地址</Text>
                <Text className='auth-kv__v cfm__ip'>{info.requester.ip}</Text>
              </View>
              <View className='auth-kv'>
                <Text className='auth-kv__k'>请求时间</Text>
                <Text className='auth-kv__v cfm__time'>{shanghaiDateTime(new Date(info.requester.createdAt))}</Text>
              </View>
            </View>

            {info.target === 'UNIT' && (
              <>
                <Text className='sb-section-title' id='cfm-units-label'>
                  选择登录单位（您已获授权的单位）
                </Text>
                <View className='sb-card cfm__units'>
                  <Radio.Group
                    value={unitId === null ? '' : String(unitId)}
                    onChange={(v) => {
                      setUnitId(Number(v))
                      setUnitProblem('')
                    }}
                    aria-labelledby='cfm-units-label'
                  >
                    {info.units.map((u) => (
                      <Radio key={u.id} value={String(u.id)} className='cfm__unit' ariaLabel={u.name}>
                        <View className='cfm__unit-text'>
                          <Text className='cfm__unit-name'>{u.name}</Text>
                          <Text className='cfm__unit-no'>单位编号 {u.unitNo}</Text>
                        </View>
                      </Radio>
                    ))}
                  </Radio.Group>
                  {unitProblem && <Text className='auth-problem'>{unitProblem}</Text>}
                </View>
              </>
            )}

            <View className='cfm__warn'>
              <Tips size={14} color='#d46b08' />
              <Text className='cfm__warn-text'>
                请核对以上电脑信息，确认是您本人正在登录。如非本人操作，请点击“取消登录”，不要确认。
              </Text>
            </View>

            <View className='auth-actions cfm__buttons'>
              <Button
                block
                type='primary'
                loading={phase === 'CONFIRMING'}
                disabled={phase !== 'ASK'}
                onClick={confirm}
              >
                确认登录
              </Button>
              <Button className='cfm__cancel' block type='default' loading={phase === 'CANCELLING'} disabled={phase !== 'ASK'} onClick={cancel}>
                取消登录
              </Button>
            </View>
          </View>
        )}

        {phase === 'CONFIRMED' && (
          <AuthResult
            icon={<Check size={36} color='#00b578' />}
            tone='ok'
            title='已确认登录'
            text={`${chosenUnit ? `已以“${chosenUnit.name}”经办人身份登录，` : ''}请在电脑上继续办理。`}
            actionsClassName='cfm__wide'
          >
            <Button block type='primary' onClick={done}>
              完成
            </Button>
          </AuthResult>
        )}

        {phase === 'CANCELLED' && (
          <AuthResult icon={<Close size={32} color='#86909c' />} title='已取消登录' text='电脑端不会登录。' actionsClassName='cfm__wide'>
            <Button block type='primary' onClick={done}>
              完成
            </Button>
          </AuthResult>
        )}

        {phase === 'FAILED' && (
          <AuthResult icon={<Close size={32} color='#d4380d' />} tone='bad' title='无法完成扫码登录' text={problem} textClassName='cfm__problem' actionsClassName='cfm__wide'>
            <Button block type='primary' onClick={() => Taro.redirectTo({ url: SCAN_PAGE_URL + '?purpose=login' })}>
              重新扫码
            </Button>
            <Button block type='default' onClick={() => Taro.switchTab({ url: HOME_PAGE_URL })}>
              返回首页
            </Button>
          </AuthResult>
        )}
      </View>
    </PageShell>
  )
}
