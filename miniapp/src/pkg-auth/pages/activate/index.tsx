import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Step, Steps } from '@nutui/nutui-react-taro'
import { isIdCard, normalizeIdNumber, type SessionTokens, type StartActivationResponse, type VerifyActivationResponse } from '@shebao/shared'
import { Button } from '../../../components/Button'
import PageShell from '../../../components/PageShell'
import { api, ApiError } from '../../../services/api'
import { sessionUserOf, startSession } from '../../../services/session'
import { toastSuccess } from '../../../services/toast'
import { digitsOnly, PIN_LENGTH, pinProblem, SMS_CODE_LENGTH, smsCodeProblem } from '../../../utils/credentials'
import { LOGIN_PAGE_URL, leaveSignInPages } from '../../../pages/login/nav'
import Field from '../../components/Field'
import PinField from '../../components/PinField'
import { roleProps } from '../../../pages/login/a11y'
import '../../styles/auth.scss'
import './index.scss'

/** One SMS per phone per minute (the BFF's limit): the resend button waits this long. */
const RESEND_SECONDS = 60

type Step = 1 | 2 | 3
type Problems = Partial<Record<'name' | 'idNumber' | 'smsCode' | 'pin' | 'pinAgain' | 'form', string>>

/** A field-level server error goes under its field; anything else above the button. */
function problemsOf(e: unknown, fields: (keyof Problems)[]): Problems {
  if (!(e instanceof ApiError)) return { form: '操作失败，请稍后重试' }
  const f = e.field as keyof Problems | undefined
  return f && fields.includes(f) ? { [f]: e.message } : { form: e.message }
}

/**
 * 电子社保卡开通 (待开通): 1 name + ID number must match the insured-person register → an SMS code to the phone on
 * file; 2 the code; 3 a 6-digit PIN, twice (the server refuses weak PINs — 123456, the birth date … — and says why).
 * Done: signed in, back to wherever sign-in was asked for.
 */
export default function Activate() {
  const [step, setStep] = useState<Step>(1)
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [challenge, setChallenge] = useState<StartActivationResponse | null>(null)
  const [smsCode, setSmsCode] = useState('')
  const [activationToken, setActivationToken] = useState('')
  const [pin, setPin] = useState('')
  const [pinAgain, setPinAgain] = useState('')
  const [problems, setProblems] = useState<Problems>({})
  const [alreadyActive, setAlreadyActive] = useState(false)
  const [busy, setBusy] = useState(false)
  const [resendIn, setResendIn] = useState(0)

  useEffect(() => {
    if (resendIn <= 0) return
    const t = setTimeout(() => setResendIn((s) => s - 1), 1000)
    return () => clearTimeout(t)
  }, [resendIn])

  const clear = (key: keyof Problems) => setProblems((p) => ({ ...p, [key]: undefined, form: undefined }))

  /** Step 1 (and 重新发送): check name + ID, send the SMS code. */
  const sendCode = async () => {
    const id = normalizeIdNumber(idNumber)
    const found: Problems = {}
    if (!name.trim()) found.name = '请输入姓名'
    if (!id) found.idNumber = '请输入证件号码'
    else if (!isIdCard(id)) found.idNumber = '证件号码有误，请核对'
    setProblems(found)
    setAlreadyActive(false)
    if (found.name || found.idNumber) return
    setBusy(true)
    try {
      const res = await api.post<StartActivationResponse>(
        '/api/auth/essc/activation',
        { name: name.trim(), idNumber: id },
        { auth: false, toast: false, loading: '正在核验' }
      )
      setChallenge(res)
      setSmsCode('')
      setResendIn(RESEND_SECONDS)
      setStep(2)
    } catch (e) {
      if (e instanceof ApiError && e.code === 'ESSC_ALREADY_ACTIVE') setAlreadyActive(true)
      const p = problemsOf(e, ['name', 'idNumber'])
      if (step === 2) setProblems({ smsCode: p.form ?? p.name ?? p.idNumber })
      else setProblems(p)
    } finally {
      setBusy(false)
    }
  }

  /** Step 2: the SMS code → a one-time activation token. */
  const verifyCode = async () => {
    if (!challenge) return
    const problem = smsCodeProblem(smsCode)
    if (problem) {
      setProblems({ smsCode: problem })
      return
    }
    setBusy(true)
    try {
      const res = await api.post<VerifyActivationResponse>(
        '/api/auth/essc/activation/verify',
        { challengeId: challenge.challengeId, smsCode },
        { auth: false, toast: false, loading: '正在验证' }
      )
      setActivationToken(res.activationToken)
      setProblems({})
      setStep(3)
    } catch (e) {
      const p = problemsOf(e, ['smsCode'])
      setProblems({ smsCode: p.smsCode ?? p.form })
    } finally {
      setBusy(false)
    }
  }

  /** Step 3: the PIN, twice → signed in. */
  const setThePin = async () => {
    const found: Problems = {}
    found.pin = pinProblem(pin, '请设置密码')
    if (!found.pin && pinAgain !== pin) found.pinAgain = pinAgain ? '两次输入的密码不一致' : '请再次输入密码'
    setProblems(found)
    if (found.pin || found.pinAgain) return
    setBusy(true)
    try {
      const tokens = await api.post<SessionTokens>(
        '/api/auth/essc/activation/complete',
        { activationToken, pin },
        { auth: false, toast: false, loading: '正在开通' }
      )
      startSession(tokens, sessionUserOf(tokens))
      toastSuccess('开通成功')
      setTimeout(leaveSignInPages, 800)
    } catch (e) {
      if (e instanceof ApiError && e.code === 'ACTIVATION_EXPIRED') {
        // the token is gone: start again from the SMS code
        setStep(1)
        setProblems({ form: e.message + '，请重新获取验证码' })
        return
      }
      setPinAgain('')
      setProblems(problemsOf(e, ['pin']))
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell className='act'>
      <View className='auth-narrow' data-step={step}>
        <View className='auth-head'>
          <Text className='auth-title'>开通电子社保卡</Text>
          <Text className='auth-intro'>核验身份后，设置 {PIN_LENGTH} 位电子社保卡密码，即可在手机上登录和扫码登录网上服务大厅。</Text>
        </View>

        <View className='auth-steps'>
          <Steps value={step} status='dynamic'>
            <Step value={1} title='身份核验' />
            <Step value={2} title='短信验证' />
            <Step value={3} title='设置密码' />
          </Steps>
        </View>

        {step === 1 && (
          <View className='sb-card'>
            <Field
              first
              name='name'
              label='姓名'
              value={name}
              maxLength={32}
              placeholder='与社保登记的姓名一致'
              problem={problems.name}
              onChange={(v) => {
                setName(v)
                clear('name')
              }}
            />
            <Field
              name='idNumber'
              label='证件号码'
              type='idcard'
              value={idNumber}
              maxLength={18}
              placeholder='18 位居民身份证号码'
              problem={problems.idNumber}
              onChange={(v) => {
                setIdNumber(v)
                clear('idNumber')
              }}
            />
            {problems.form && (
              <Text className='auth-problem act__form-problem' data-field='form'>
                {problems.form}
              </Text>
            )}
            {alreadyActive && (
              <View className='auth-link act__to-login' {...roleProps('link')} onClick={() => Taro.redirectTo({ url: LOGIN_PAGE_URL })}>
                去登录
              </View>
            )}
            <Button className='auth-submit' block type='primary' loading={busy} disabled={busy} onClick={sendCode}>
              获取短信验证码
            </Button>
            <Text className='auth-hint act__note'>验证码将发送到您在社保登记的手机号码。手机号已变更的，请到社保经办窗口办理。</Text>
          </View>
        )}

        {step === 2 && challenge && (
          <View className='sb-card'>
            <Text className='act__sent'>
              验证码已发送至 <Text className='act__phone'>{challenge.phoneMasked}</Text>，{Math.round(challenge.expiresInSeconds / 60)} 分钟内有效。
            </Text>
            <Field
              name='smsCode'
              label='短信验证码'
              type='number'
              value={smsCode}
              maxLength={SMS_CODE_LENGTH}
              placeholder={`${SMS_CODE_LENGTH} 位数字`}
              problem={problems.smsCode}
              onChange={(v) => {
                setSmsCode(digitsOnly(v))
                clear('smsCode')
              }}
              onConfirm={verifyCode}
              extra={
                <View
                  className={`auth-field__extra${resendIn > 0 || busy ? ' auth-field__extra--off' : ''}`}
                  {...roleProps('button')}
                  aria-disabled={resendIn > 0 || busy ? 'true' : 'false'}
                  ariaLabel={resendIn > 0 ? `${resendIn} 秒后可重新发送验证码` : '重新发送验证码'}
                  onClick={resendIn > 0 || busy ? undefined : sendCode}
                >
                  {resendIn > 0 ? `${resendIn} 秒后重发` : '重新发送'}
                </View>
              }
            />
            <Button className='auth-submit' block type='primary' loading={busy} disabled={busy} onClick={verifyCode}>
              下一步
            </Button>
            <View
              className='auth-link act__back'
              {...roleProps('button')}
              onClick={() => {
                setStep(1)
                setProblems({})
              }}
            >
              修改姓名或证件号码
            </View>
          </View>
        )}

        {step === 3 && (
          <View className='sb-card'>
            <PinField
              first
              name='pin'
              label={`设置 ${PIN_LENGTH} 位密码`}
              value={pin}
              problem={problems.pin}
              hint='不要使用连续、重复的数字或出生日期'
              onChange={(v) => {
                setPin(v)
                clear('pin')
              }}
            />
            <PinField
              name='pinAgain'
              label='再次输入密码'
              value={pinAgain}
              placeholder={`再次输入 ${PIN_LENGTH} 位数字`}
              problem={problems.pinAgain}
              onChange={(v) => {
                setPinAgain(v)
                clear('pinAgain')
              }}
              onConfirm={setThePin}
            />
            {problems.form && (
              <Text className='auth-problem act__form-problem' data-field='form'>
                {problems.form}
              </Text>
            )}
            <Button className='auth-submit' block type='primary' loading={busy} disabled={busy} onClick={setThePin}>
              完成开通
            </Button>
          </View>
        )}
      </View>
    </PageShell>
  )
}
