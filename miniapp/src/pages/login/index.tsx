import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Input } from '@nutui/nutui-react-taro'
import { ArrowRight, Store, User } from '@nutui/icons-react-taro'
import { isIdCard, normalizeIdNumber, type PinSignInBody, type SessionTokens } from '@shebao/shared'
import { Button } from '../../components/Button'
import PageShell from '../../components/PageShell'
import { useWideScreen } from '../../hooks/useWideScreen'
import { api, ApiError } from '../../services/api'
import { sessionUserOf, startSession } from '../../services/session'
import { toastSuccess } from '../../services/toast'
import { digitsOnly, PIN_LENGTH, pinProblem } from '../../utils/credentials'
import { ACTIVATE_PAGE_URL, leaveSignInPages, QR_LOGIN_PAGE_URL } from './nav'
import './index.scss'

interface Problems {
  idNumber?: string
  pin?: string
  /** The server's answer: wrong PIN (tries left), locked (minutes left), rate limit … */
  form?: string
}

function check(idNumber: string, pin: string): Problems {
  const p: Problems = {}
  if (!idNumber) p.idNumber = '请输入证件号码'
  else if (!isIdCard(idNumber)) p.idNumber = '证件号码有误，请核对'
  p.pin = pinProblem(pin)
  return p
}

const SCAN_TARGETS = [
  { target: 'PERSON', title: '个人登录', brief: '参保人查询、打印证明、办理个人业务', Icon: User },
  { target: 'UNIT', title: '单位登录', brief: '单位经办人办理参保、缴费等单位业务', Icon: Store }
] as const

/**
 * 登录. On the phone: the e-SSC — ID number + 6-digit PIN (POST /api/auth/essc/sign-in), or 开通 first.
 * In the PC web hall (H5 at desktop width) the usual way in is 扫码登录, 个人 or 单位, so that choice comes first.
 */
export default function Login() {
  const wide = useWideScreen()
  const [idNumber, setIdNumber] = useState('')
  const [pin, setPin] = useState('')
  const [problems, setProblems] = useState<Problems>({})
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const id = normalizeIdNumber(idNumber)
    const found = check(id, pin)
    setProblems(found)
    if (found.idNumber || found.pin) return
    setBusy(true)
    try {
      const body: PinSignInBody = { idNumber: id, pin }
      const tokens = await api.post<SessionTokens>('/api/auth/essc/sign-in', body, { auth: false, loading: '登录中', toast: false })
      startSession(tokens, sessionUserOf(tokens))
      toastSuccess('登录成功')
      setTimeout(leaveSignInPages, 600)
    } catch (e) {
      setPin('')
      const field = e instanceof ApiError ? e.field : undefined
      const message = e instanceof ApiError ? e.message : '登录失败，请稍后重试'
      setProblems(field === 'idNumber' ? { idNumber: message } : field === 'pin' ? { pin: message } : { form: message })
    } finally {
      setBusy(false)
    }
  }

  const pinForm = (
    <View className='sb-card login__form'>
      {wide && <Text className='login__form-title'>电子社保卡密码登录（个人）</Text>}
      <Text className='login__label' id='login-id-label'>
        证件号码
      </Text>
      <View className='sb-field'>
        <Input
          name='idNumber'
          type='idcard'
          value={idNumber}
          maxLength={18}
          placeholder='18 位居民身份证号码'
          clearable
          onChange={(v) => {
            setIdNumber(v)
            setProblems((p) => ({ ...p, idNumber: undefined, form: undefined }))
          }}
          aria-labelledby='login-id-label'
        />
      </View>
      {problems.idNumber && <Text className='login__problem'>{problems.idNumber}</Text>}

      <Text className='login__label login__label--gap' id='login-pin-label'>
        电子社保卡密码
      </Text>
      <View className='sb-field'>
        <Input
          name='pin'
          type='password'
          value={pin}
          maxLength={PIN_LENGTH}
          placeholder={`${PIN_LENGTH} 位数字密码`}
          onChange={(v) => {
            setPin(digitsOnly(v))
            setProblems((p) => ({ ...p, pin: undefined, form: undefined }))
          }}
          onConfirm={submit}
          aria-labelledby='login-pin-label'
        />
      </View>
      {problems.pin && <Text className='login__problem'>{problems.pin}</Text>}
      {problems.form && (
        <View className='login__problem login__problem--form' aria-live='assertive'>
          {problems.form}
        </View>
      )}

      <Button className='login__submit' block type='primary' loading={busy} disabled={busy} onClick={submit}>
        登录
      </Button>
      <View className='login__activate' onClick={() => Taro.navigateTo({ url: ACTIVATE_PAGE_URL })}>
        <Text className='login__activate-q'>还没有开通电子社保卡？</Text>
        <Text className='login__activate-link'>立即开通</Text>
      </View>
    </View>
  )

  return (
    <PageShell className={`login${wide ? ' login--wide' : ''}`}>
      {wide && (
        <View className='login__bar'>
          <View className='login__emblem'>
            <Text className='login__emblem-text'>社</Text>
          </View>
          <Text className='login__brand'>掌上社保 · 网上服务大厅</Text>
        </View>
      )}
      <View className='login__body'>
      <View className='login__head'>
        <Text className='login__title'>{wide ? '登录网上服务大厅' : '电子社保卡登录'}</Text>
        <Text className='login__intro'>
          {wide
            ? '请选择登录方式，用手机上的掌上社保扫码登录；个人也可使用电子社保卡密码登录。'
            : `使用已开通的电子社保卡，输入本人证件号码和 ${PIN_LENGTH} 位密码登录。`}
        </Text>
      </View>

      {wide ? (
        <View className='login__columns'>
          <View className='login__scan'>
            <Text className='login__form-title'>扫码登录</Text>
            {SCAN_TARGETS.map(({ target, title, brief, Icon }) => (
              <View
                key={target}
                className='login__choice'
                data-target={target}
                onClick={() => Taro.navigateTo({ url: `${QR_LOGIN_PAGE_URL}?target=${target}` })}
                aria-label={`${title}：${brief}`}
              >
                <View className='login__choice-icon'>
                  <Icon size={24} color='#1677ff' />
                </View>
                <View className='login__choice-text'>
                  <Text className='login__choice-title'>{title}</Text>
                  <Text className='login__choice-brief'>{brief}</Text>
                </View>
                <ArrowRight size={14} color='#86909c' />
              </View>
            ))}
            <Text className='login__scan-note'>单位登录仅限单位授权的经办人；打开手机掌上社保“扫码登录”扫描电脑上的二维码。</Text>
          </View>
          {pinForm}
        </View>
      ) : (
        pinForm
      )}
      <Text className='login__note'>连续输错密码 5 次将锁定 15 分钟。个人信息仅用于核验身份。</Text>
      </View>
    </PageShell>
  )
}
