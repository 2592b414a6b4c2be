import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Scan } from '@nutui/icons-react-taro'
import PageShell from '../../components/PageShell'
import AreaLinks from '../../components/AreaLinks'
import { scanCode } from '../../platform'
import { handleScannedText } from '../../utils/scanned'
import './index.scss'

export default function Certs() {
  const onScan = async () => {
    const text = await scanCode()
    if (text) handleScannedText(text)
  }
  return (
    <PageShell>
      <AreaLinks title='开具证明' areas={['cert']} />
      <AreaLinks title='核验证明' areas={['verify']} />
      <View className='certs__scan'>
        <Button block type='primary' icon={<Scan />} onClick={onScan} aria-label='扫描证明上的二维码验证真伪'>
          扫码验证证明
        </Button>
      </View>
    </PageShell>
  )
}
