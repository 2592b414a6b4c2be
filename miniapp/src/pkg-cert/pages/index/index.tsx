import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Cell } from '@nutui/nutui-react-taro'
import { ArrowRight } from '@nutui/icons-react-taro'
import type { CertificateTypeOption } from '@shebao/shared'
import { Button } from '../../../components/Button'
import PageShell from '../../../components/PageShell'
import { CERT_PAGES } from '../../../constants/pages'
import { useSessionUser } from '../../../hooks/useSession'
import { LOGIN_PAGE } from '../../../services/api'
import { certApi } from '../../api'
import './index.scss'

/**
 * 证明打印: the proofs the signed-in person (or the unit clerk, for the unit) can issue. Types that are not
 * available now are shown greyed with the reason (退休证明 for someone not retired …).
 */
export default function CertIndex() {
  const user = useSessionUser()
  const [types, setTypes] = useState<CertificateTypeOption[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = () => {
    if (!user) return
    setError(null)
    certApi.types().then(
      (r) => setTypes(r.items),
      (e: Error) => setError(e.message)
    )
  }
  useEffect(load, [user?.id, user?.role])
  useDidShow(load)

  return (
    <PageShell className='cert'>
      <View className='cert__head'>
        <Text className='cert__title'>证明打印</Text>
        <Text className='cert__intro'>开具带二维码和授权码的电子证明（PDF），出具后 3 个月内任何人可扫码验证真伪。</Text>
      </View>

      {!user && (
        <View className='sb-card'>
          <Text className='cert__hint'>开具证明需要先登录电子社保卡（单位证明请以单位经办人身份登录）。</Text>
          <Button className='cert__login' block type='primary' onClick={() => Taro.navigateTo({ url: LOGIN_PAGE })}>
            登录
          </Button>
        </View>
      )}

      {user && (
        <>
          <Text className='sb-section-title'>{user.role === 'UNIT' ? `单位证明${user.unitName ? `（${user.unitName}）` : ''}` : '个人证明'}</Text>
          {error && <Text className='cert__error'>{error}</Text>}
          {!types && !error && <Text className='cert__hint cert__hint--pad'>正在加载…</Text>}
          {types && types.length === 0 && <Text className='cert__hint cert__hint--pad'>当前登录身份没有可开具的证明。</Text>}
          {types && types.length > 0 && (
            <Cell.Group className='sb-links'>
              {types.map((t) => (
                <Cell
                  key={t.type}
                  className={t.available ? 'cert__type' : 'cert__type cert__type--off'}
                  title={t.label}
                  description={t.available ? t.brief : `${t.brief}（${t.reason ?? '暂不可开具'}）`}
                  extra={t.available ? <ArrowRight size={14} /> : <Text className='cert__off'>不可开具</Text>}
                  align='center'
                  clickable={t.available}
                  onClick={() => t.available && Taro.navigateTo({ url: CERT_PAGES.issue(t.type) })}
                />
              ))}
            </Cell.Group>
          )}
          <Text className='sb-section-title'>已开具</Text>
          <Cell.Group className='sb-links'>
            <Cell
              title='我的证明'
              description={user.role === 'UNIT' ? '本单位开具的证明：重新下载、作废' : '本人开具的证明：重新下载、作废'}
              extra={<ArrowRight size={14} />}
              align='center'
              clickable
              onClick={() => Taro.navigateTo({ url: CERT_PAGES.mine })}
            />
          </Cell.Group>
        </>
      )}
    </PageShell>
  )
}
