import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Input } from '@nutui/nutui-react-taro'
import type { SessionTokens } from '@shebao/shared'
import { Button } from '../../../components/Button'
import PageShell from '../../../components/PageShell'
import { api } from '../../../services/api'
import { sessionUserOf, startSession } from '../../../services/session'
import '../../styles/review.scss'

export const REVIEW_HOME = '/pkg-review/pages/index/index'

/** 中心审核登录: username + password of a center reviewer (created by the admin CLI). */
export default function ReviewerSignIn() {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const signIn = async () => {
    if (!username.trim() || !password) return setError('请输入用户名和密码')
    setBusy(true)
    setError('')
    try {
      const t = await api.post<SessionTokens>('/api/auth/reviewer/sign-in', { username: username.trim(), password }, { auth: false, toast: false })
      startSession({ accessToken: t.accessToken, refreshToken: t.refreshToken }, sessionUserOf(t))
      Taro.redirectTo({ url: REVIEW_HOME })
    } catch (e) {
      setError(e instanceof Error ? e.message : '登录失败')
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell className='rv-signin'>
      <View className='rv-signin__card'>
        <Text className='rv-signin__title'>社保中心审核工作台</Text>
        <Text className='rv-signin__sub'>工作人员账号登录</Text>
        <View className='rv-signin__field'>
          <Text className='rv-signin__label'>用户名</Text>
          <Input className='rv-signin__input' name='username' value={username} onChange={setUsername} placeholder='请输入用户名' maxLength={64} />
        </View>
        <View className='rv-signin__field'>
          <Text className='rv-signin__label'>密码</Text>
          <Input className='rv-signin__input' name='password' type='password' value={password} onChange={setPassword} placeholder='请输入密码' maxLength={256} onConfirm={signIn} />
        </View>
        {error && (
          <Text className='rv-signin__error'>
            {error}
          </Text>
        )}
        <Button type='primary' block disabled={busy} onClick={signIn} className='rv-signin__submit'>
          登录
        </Button>
      </View>
    </PageShell>
  )
}
