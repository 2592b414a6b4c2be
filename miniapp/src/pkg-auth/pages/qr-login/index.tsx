import { useMemo, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Loading } from '@nutui/nutui-react-taro'
import { Check, Refresh } from '@nutui/icons-react-taro'
import type { LoginTarget, SessionTokens } from '@shebao/shared'
import { Button } from '../../../components/Button'
import PageShell from '../../../components/PageShell'
import { sessionUserOf, startSession } from '../../../services/session'
import { HOME_PAGE_URL, LOGIN_PAGE_URL, relaunchHome } from '../../../pages/login/nav'
import { qrDataUrl } from '../../lib/qr'
import { formatShortCode } from '../../lib/shortCode'
import { useLoginTicket, type TicketPhase } from '../../lib/useLoginTicket'
import { roleProps } from '../../../pages/login/a11y'
import '../../styles/auth.scss'
import './index.scss'

const TARGETS: { value: LoginTarget; label: string; who: string }[] = [
  { value: 'PERSON', label: '个人登录', who: '参保人办理个人业务' },
  { value: 'UNIT', label: '单位登录', who: '单位经办人办理单位业务' }
]

/** What the QR area says in each phase (the status line is read out by screen readers). */
function statusText(phase: TicketPhase, target: LoginTarget): string {
  switch (phase) {
    case 'CREATING':
      return '正在生成二维码…'
    case 'PENDING':
      return '请使用掌上社保扫码登录'
    case 'SCANNED':
      return target === 'UNIT' ? '已扫码，请在手机上选择单位并确认登录' : '已扫码，请在手机上确认登录'
    case 'CONFIRMED':
    case 'REDEEMING':
    case 'CONSUMED':
      return '已确认，正在登录…'
    case 'CANCELLED':
      return '已在手机上取消登录'
    case 'EXPIRED':
      return '二维码已过期'
    default:
      return ''
  }
}

/**
 * 扫码登录 for the PC web hall (H5 at desktop width): 个人登录 / 单位登录, the QR of a 120-second login ticket
 * and its typed 登录码, a countdown, push of the phone's progress, then the session — unit clerks land in the
 * unit hall, individuals on 首页.
 */
export default function QrLogin() {
  const router = useRouter()
  const [target, setTarget] = useState<LoginTarget>(router.params.target === 'UNIT' ? 'UNIT' : 'PERSON')

  const onSignedIn = (tokens: SessionTokens) => {
    startSession(tokens, sessionUserOf(tokens))
    void relaunchHome(tokens.role)
  }
  const { phase, ticket, secondsLeft, message, mode, refresh } = useLoginTicket(target, onSignedIn)
  const qr = useMemo(() => (ticket ? qrDataUrl(ticket.qrContent) : ''), [ticket])

  const needsRefresh = phase === 'EXPIRED' || phase === 'CANCELLED' || phase === 'LOST' || phase === 'REDEEM_FAILED' || phase === 'CREATE_FAILED'
  const failureText = phase === 'LOST' || phase === 'REDEEM_FAILED' || phase === 'CREATE_FAILED' ? message : ''
  const status = failureText || statusText(phase, target)
  const dim = phase !== 'PENDING'
  const targetInfo = TARGETS.find((t) => t.value === target)!

  return (
    <PageShell className='qrl'>
      <View className='qrl__bar'>
        <View className='qrl__brand' onClick={() => Taro.reLaunch({ url: HOME_PAGE_URL })} {...roleProps('link')} aria-label='返回掌上社保首页'>
          <View className='auth-emblem'>
            <Text className='auth-emblem__text'>社</Text>
          </View>
          <Text className='qrl__brand-name'>掌上社保 · 网上服务大厅</Text>
        </View>
      </View>

      <View className='qrl__main'>
        <View className='qrl__aside'>
          <Text className='qrl__aside-title'>扫码登录网上服务大厅</Text>
          <Text className='qrl__aside-intro'>用手机上的电子社保卡确认身份，无需输入密码。</Text>
          <View className='qrl__steps' {...roleProps('list')}>
            {[
              '在手机上打开掌上社保，登录电子社保卡',
              '点击首页“扫码登录”，扫描右侧二维码；无法扫码时输入登录码',
              target === 'UNIT' ? '核对电脑信息，选择要登录的单位，点击“确认登录”' : '核对电脑信息，点击“确认登录”'
            ].map((s, i) => (
              <View className='qrl__step' key={s} {...roleProps('listitem')}>
                <Text className='qrl__step-no'>{i + 1}</Text>
                <Text className='qrl__step-text'>{s}</Text>
              </View>
            ))}
          </View>
          <Text className='qrl__aside-note'>单位登录仅限经单位法定代表人授权的经办人（登陆授权信息采集表）。</Text>
          <View className='qrl__safety'>
            <Text className='qrl__safety-title'>安全提示</Text>
            <Text className='qrl__safety-text'>二维码和登录码 2 分钟内有效、只能使用一次。请勿把它们发给他人；手机上显示的电脑信息与您不符时，请取消登录。</Text>
          </View>
        </View>

        <View className='qrl__card'>
          <View className='qrl__tabs' {...roleProps('tablist')} aria-label='登录方式'>
            {TARGETS.map((t) => (
              <View
                key={t.value}
                className={`qrl__tab${t.value === target ? ' qrl__tab--active' : ''}`}
                {...roleProps('tab')}
                aria-selected={t.value === target ? 'true' : 'false'}
                data-target={t.value}
                onClick={() => t.value !== target && setTarget(t.value)}
              >
                <Text className='qrl__tab-text'>{t.label}</Text>
              </View>
            ))}
          </View>
          <Text className='qrl__who'>{targetInfo.who}</Text>

          <View className='qrl__qr-box' data-state={phase} data-mode={mode ?? ''} data-ticket={ticket?.ticketId ?? ''}>
            {qr ? (
              <Image className={`qrl__qr${dim ? ' qrl__qr--dim' : ''}`} src={qr} mode='aspectFit' aria-label={`${targetInfo.label}二维码`} />
            ) : (
              <View className='qrl__qr qrl__qr--blank' />
            )}
            {phase !== 'PENDING' && (
              <View className='qrl__overlay'>
                {phase === 'CREATING' || phase === 'CONFIRMED' || phase === 'REDEEMING' || phase === 'CONSUMED' ? (
                  <Loading type='circular' />
                ) : phase === 'SCANNED' ? (
                  <View className='qrl__overlay-ok'>
                    <Check size={28} color='#ffffff' />
                  </View>
                ) : null}
                {needsRefresh && (
                  <Button className='qrl__refresh' type='primary' size='small' icon={<Refresh size={14} />} onClick={refresh}>
                    刷新二维码
                  </Button>
                )}
              </View>
            )}
          </View>

          <Text className={`qrl__status${failureText ? ' qrl__status--bad' : ''}`} aria-live='polite'>
            {status}
          </Text>

          {ticket && (phase === 'PENDING' || phase === 'SCANNED') && (
            <View className='qrl__meta'>
              <Text className='qrl__countdown'>
                二维码 <Text className='qrl__seconds'>{secondsLeft}</Text> 秒后失效
              </Text>
              {phase === 'PENDING' && (
              <View className='qrl__code-row'>
                <Text className='qrl__code-label'>无法扫码？在手机上输入登录码</Text>
                <View className='qrl__code' aria-label={`登录码 ${ticket.shortCode.split('').join(' ')}`}>
                  {formatShortCode(ticket.shortCode)}
                </View>
              </View>
              )}
              <View className='qrl__link' onClick={refresh} {...roleProps('button')}>
                刷新二维码
              </View>
            </View>
          )}

          <View className='qrl__foot'>
            <Text className='qrl__foot-text'>个人也可</Text>
            <View className='qrl__link' onClick={() => Taro.navigateTo({ url: LOGIN_PAGE_URL })} {...roleProps('link')}>
              使用证件号码和电子社保卡密码登录
            </View>
          </View>
        </View>
      </View>
    </PageShell>
  )
}
