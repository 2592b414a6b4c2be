import PageShell from '../../../components/PageShell'
import AreaIndex from '../../../components/AreaIndex'
import { AREAS } from '../../../constants/catalogue'

export default function MattersIndex() {
  return (
    <PageShell>
      <AreaIndex area={AREAS.matters} />
    </PageShell>
  )
}
