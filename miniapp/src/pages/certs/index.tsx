import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Cell } from '@nutui/nutui-react-taro'
import { ArrowRight, Scan } from '@nutui/icons-react-taro'
import type { CertificateTypesResponse } from '@shebao/shared'
import { Button } from '../../components/Button'
import PageShell from '../../components/PageShell'
import AreaLinks from '../../components/AreaLinks'
import { CERT_PAGES } from '../../constants/pages'
import { useSessionUser } from '../../hooks/useSession'
import { scanCode } from '../../platform'
import { api } from '../../services/api'
import { handleScannedText } from '../../utils/scanned'
import './index.scss'

type TypeItem = CertificateTypesResponse['items'][number]

/** 证明 tab: the proofs the signed-in user can issue (straight to the form), 我的证明, and verification. */
export default function Certs() {
  const user = useSessionUser()
  const [types, setTypes] = useState<TypeItem[]>([])

  const load = () => {
    if (!user) return setTypes([])
    api.get<CertificateTypesResponse>('/api/certificates/types', { toast: false }).then(
      (r) => setTypes(r.items),
      () => setTypes([])
    )
  }
  useEffect(load, [user?.id, user?.role])
  useDidShow(load)

  const onScan = async () => {
    const text = await scanCode()
    if (text) handleScannedText(text)
  }
  return (
    <PageShell>
      {user && types.length > 0 ? (
        <View>
          <Text className='sb-section-title'>{user.role === 'UNIT' ? '开具单位证明' : '开具证明'}</Text>
          <Cell.Group className='sb-links'>
            {types.map((t) => (
              <Cell
                key={t.type}
                className={t.available ? '' : 'certs__off'}
                title={t.label}
                description={t.available ? t.brief : t.reason}
                extra={t.available ? <ArrowRight size={14} /> : undefined}
                align='center'
                clickable={t.available}
                onClick={() => t.available && Taro.navigateTo({ url: CERT_PAGES.issue(t.type) })}
              />
            ))}
            <Cell
              title='我的证明'
              description='已开具的证明：重新下载、作废'
              extra={<ArrowRight size={14} />}
              align='center'
              clickable
              onClick={() => Taro.navigateTo({ url: CERT_PAGES.mine })}
            />
          </Cell.Group>
        </View>
      ) : (
        <AreaLinks title='开具证明' areas={['cert']} />
      )}
      <AreaLinks title='核验证明' areas={['verify']} />
      <View className='certs__scan'>
        <Button block type='primary' icon={<Scan />} onClick={onScan} aria-label='扫描证明上的二维码验证真伪'>
          扫码验证证明
        </Button>
      </View>
    </PageShell>
  )
}
