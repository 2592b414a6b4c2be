import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { isIdCard, normalizeIdNumber, PIN_LENGTH, type PinSignInBody, type SessionTokens } from '@shebao/shared'
import PageShell from '../../components/PageShell'
import { api } from '../../services/api'
import { sessionUserOf, startSession } from '../../services/session'
import { toastSuccess } from '../../services/toast'
import './index.scss'

interface Problems {
  idNumber?: string
  pin?: string
}

function check(idNumber: string, pin: string): Problems {
  const p: Problems = {}
  if (!idNumber) p.idNumber = '请输入证件号码'
  else if (!isIdCard(idNumber)) p.idNumber = '证件号码有误，请核对'
  if (!pin) p.pin = '请输入密码'
  else if (!new RegExp(`^\\d{${PIN_LENGTH}}$`).test(pin)) p.pin = `密码为 ${PIN_LENGTH} 位数字`
  return p
}

/** 电子社保卡登录: ID number + 6-digit PIN (POST /api/auth/essc/sign-in). */
export default function Login() {
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
      const tokens = await api.post<SessionTokens>('/api/auth/essc/sign-in', body, { auth: false, loading: '登录中' })
      startSession(tokens, sessionUserOf(tokens))
      toastSuccess('登录成功')
      setTimeout(() => {
        if (Taro.getCurrentPages().length > 1) Taro.navigateBack()
        else Taro.switchTab({ url: '/pages/mine/index' })
      }, 600)
    } catch {
      setPin('') // the server's message is already shown as a toast
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell className='login'>
      <View className='login__head'>
        <Text className='login__title'>电子社保卡登录</Text>
        <Text className='login__intro'>使用已开通的电子社保卡，输入本人证件号码和 {PIN_LENGTH} 位密码登录。</Text>
      </View>
      <View className='sb-card'>
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
              setProblems((p) => ({ ...p, idNumber: undefined }))
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
              setPin(v.replace(/\D/g, ''))
              setProblems((p) => ({ ...p, pin: undefined }))
            }}
            aria-labelledby='login-pin-label'
          />
        </View>
        {problems.pin && <Text className='login__problem'>{problems.pin}</Text>}

        <Button className='login__submit' block type='primary' loading={busy} disabled={busy} onClick={submit}>
          登录
        </Button>
      </View>
      <Text className='login__note'>连续输错密码将暂时锁定登录。个人信息仅用于核验身份。</Text>
    </PageShell>
  )
}
