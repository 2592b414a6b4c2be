import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ChangePinBody } from '@shebao/shared'
import { Button } from '../../../components/Button'
import PageShell from '../../../components/PageShell'
import { useSessionUser } from '../../../hooks/useSession'
import { api, ApiError } from '../../../services/api'
import { toastSuccess } from '../../../services/toast'
import { pinProblem } from '../../../utils/credentials'
import { LOGIN_PAGE_URL, MINE_PAGE_URL } from '../../../pages/login/nav'
import AuthResult from '../../components/AuthResult'
import PinField from '../../components/PinField'
import '../../styles/auth.scss'

type Key = 'oldPin' | 'newPin' | 'newPinAgain' | 'form'
type Problems = Partial<Record<Key, string>>

interface ChangePinResult {
  changedAt: string
  otherSessionsSignedOut: number
}

/** 修改电子社保卡密码: the old PIN, the new one twice. Other signed-in devices are signed out by the server. */
export default function ChangePin() {
  const user = useSessionUser()
  const [oldPin, setOldPin] = useState('')
  const [newPin, setNewPin] = useState('')
  const [newPinAgain, setNewPinAgain] = useState('')
  const [problems, setProblems] = useState<Problems>({})
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<ChangePinResult | null>(null)

  const typed = (set: (v: string) => void, key: Key) => (v: string) => {
    set(v)
    setProblems((p) => ({ ...p, [key]: undefined, form: undefined }))
  }

  const submit = async () => {
    const found: Problems = {}
    found.oldPin = pinProblem(oldPin, '请输入原密码')
    found.newPin = pinProblem(newPin, '请输入新密码')
    if (!found.newPin && newPin === oldPin) found.newPin = '新密码不能与原密码相同'
    if (!found.newPin && newPinAgain !== newPin) found.newPinAgain = newPinAgain ? '两次输入的新密码不一致' : '请再次输入新密码'
    setProblems(found)
    if (Object.values(found).some(Boolean)) return
    setBusy(true)
    try {
      const body: ChangePinBody = { oldPin, newPin }
      setDone(await api.post<ChangePinResult>('/api/me/card/pin', body, { toast: false, loading: '正在修改' }))
      toastSuccess('密码已修改')
    } catch (e) {
      const field = e instanceof ApiError ? (e.field as Key | undefined) : undefined
      const message = e instanceof ApiError ? e.message : '修改失败，请稍后重试'
      if (field === 'oldPin' || (e instanceof ApiError && e.code === 'PIN_INCORRECT')) {
        setOldPin('')
        setProblems({ oldPin: message })
      } else if (field === 'newPin' || (e instanceof ApiError && (e.code === 'PIN_WEAK' || e.code === 'PIN_UNCHANGED'))) {
        setNewPinAgain('')
        setProblems({ newPin: message })
      } else setProblems({ form: message })
    } finally {
      setBusy(false)
    }
  }

  if (!user || user.role !== 'PERSON') {
    return (
      <PageShell className='chpin'>
        <View className='auth-narrow'>
          <AuthResult title='请先登录电子社保卡'>
            <Button type='primary' onClick={() => Taro.navigateTo({ url: LOGIN_PAGE_URL })}>
              登录
            </Button>
          </AuthResult>
        </View>
      </PageShell>
    )
  }

  if (done) {
    return (
      <PageShell className='chpin'>
        <View className='auth-narrow'>
          <AuthResult title='密码已修改' text={`下次登录请使用新密码。${done.otherSessionsSignedOut > 0 ? `已退出其他 ${done.otherSessionsSignedOut} 处登录。` : ''}`}>
            <Button type='primary' onClick={() => Taro.switchTab({ url: MINE_PAGE_URL })}>
              完成
            </Button>
          </AuthResult>
        </View>
      </PageShell>
    )
  }

  return (
    <PageShell className='chpin'>
      <View className='auth-narrow'>
        <View className='auth-head'>
          <Text className='auth-title'>修改电子社保卡密码</Text>
          <Text className='auth-intro'>修改后，其他设备上的登录将退出。</Text>
        </View>
        <View className='sb-card'>
          <PinField first name='oldPin' label='原密码' value={oldPin} problem={problems.oldPin} onChange={typed(setOldPin, 'oldPin')} />
          <PinField name='newPin' label='新密码' value={newPin} problem={problems.newPin} hint='不要使用连续、重复的数字或出生日期' onChange={typed(setNewPin, 'newPin')} />
          <PinField name='newPinAgain' label='再次输入新密码' value={newPinAgain} problem={problems.newPinAgain} onChange={typed(setNewPinAgain, 'newPinAgain')} onConfirm={submit} />
          {problems.form && <Text className='auth-problem'>{problems.form}</Text>}
          <Button className='auth-submit' block type='primary' loading={busy} disabled={busy} onClick={submit}>
            确认修改
          </Button>
        </View>
      </View>
    </PageShell>
  )
}
