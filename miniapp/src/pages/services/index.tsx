import PageShell from '../../components/PageShell'
import AreaLinks from '../../components/AreaLinks'

export default function Services() {
  return (
    <PageShell>
      <AreaLinks title='个人' areas={['query', 'matters']} />
      <AreaLinks title='单位' areas={['unit']} />
      <AreaLinks title='社保中心' areas={['review']} />
    </PageShell>
  )
}
