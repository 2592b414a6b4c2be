import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Eye } from '@nutui/icons-react-taro'
import type { PersonProfile } from '@shebao/shared'
import { api, ApiError } from '../../services/api'
import { toastError } from '../../services/toast'
import '../styles/query.scss'

/**
 * Who the records belong to, masked by default. The eye (小眼睛) asks the server for the owner's full values
 * (`/api/me/profile?reveal=1`, logged on the server) and hides them again on the next tap.
 */
export default function ProfileCard({ profile }: { profile: PersonProfile }) {
  const [full, setFull] = useState<PersonProfile | null>(null)
  const [busy, setBusy] = useState(false)
  const shown = full ?? profile

  const toggle = async () => {
    if (full) {
      setFull(null)
      return
    }
    setBusy(true)
    try {
      setFull(await api.get<PersonProfile>('/api/me/profile', { query: { reveal: 1 }, toast: false }))
    } catch (e) {
      toastError(e instanceof ApiError ? e.message : '暂时无法显示，请稍后重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='sb-card q-first q-profile'>
      <View className='q-profile__head'>
        <Text className='q-profile__name'>{shown.name}</Text>
        <Text className='q-profile__status'>{shown.statusLabel}</Text>
        <View
          className={`q-profile__eye${busy ? ' q-profile__eye--busy' : ''}`}
          onClick={busy ? undefined : toggle}
          ariaRole='button'
          ariaLabel={full ? '隐藏个人信息' : '显示完整个人信息'}
        >
          <Eye size={18} color={full ? '#1677ff' : '#86909c'} />
          <Text className='q-profile__eye-text'>{full ? '隐藏' : '显示'}</Text>
        </View>
      </View>
      <View className='q-kv'>
        <Text className='q-kv__k'>证件号码</Text>
        <Text className='q-kv__v q-profile__id'>{shown.idNumber}</Text>
      </View>
      <View className='q-kv'>
        <Text className='q-kv__k'>手机号码</Text>
        <Text className='q-kv__v q-profile__phone'>{shown.phone ?? '未登记'}</Text>
      </View>
      <View className='q-kv'>
        <Text className='q-kv__k'>个人编号</Text>
        <Text className='q-kv__v'>{shown.personNo}</Text>
      </View>
      <View className='q-kv'>
        <Text className='q-kv__k'>参保所属地</Text>
        <Text className='q-kv__v'>{shown.regionName}</Text>
      </View>
      {shown.bankAccounts.map((b) => (
        <View className='q-kv' key={`${b.purpose}-${b.accountNumber}`}>
          <Text className='q-kv__k'>{b.purposeLabel}账户</Text>
          <Text className='q-kv__v q-profile__bank'>
            {b.bankName} {b.accountNumber}
          </Text>
        </View>
      ))}
    </View>
  )
}
