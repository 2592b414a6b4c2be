import PageShell from '../../../components/PageShell'
import AreaIndex from '../../../components/AreaIndex'
import { AREAS } from '../../../constants/catalogue'

export default function CertIndex() {
  return (
    <PageShell>
      <AreaIndex area={AREAS.cert} />
    </PageShell>
  )
}
