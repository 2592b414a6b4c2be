import Taro from '@tarojs/taro'
import { Cell } from '@nutui/nutui-react-taro'
import PageShell from '../../components/PageShell'
import AreaLinks from '../../components/AreaLinks'
import { unitItemUrl } from '../../constants/catalogue'

export default function Services() {
  return (
    <PageShell>
      <AreaLinks title='个人' areas={['query', 'matters']} />
      <AreaLinks title='单位' areas={['unit']} />
      {/* 单位业务办理 (增员、减员、信息变更 …) and 办件记录: the matters subpackage */}
      <Cell.Group className='sb-links services__unit-matters'>
        <Cell title='单位业务办理' description='参保登记/续保（增员）、停保、险种增减、信息变更' clickable onClick={() => Taro.navigateTo({ url: unitItemUrl('more-matters') })} />
        <Cell title='单位办件记录' description='已保存、已提交业务的办理进度' clickable onClick={() => Taro.navigateTo({ url: unitItemUrl('unit-cases') })} />
      </Cell.Group>
      <AreaLinks title='社保中心' areas={['review']} />
    </PageShell>
  )
}
