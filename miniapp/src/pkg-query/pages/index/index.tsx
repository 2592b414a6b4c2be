import PageShell from '../../../components/PageShell'
import AreaIndex from '../../../components/AreaIndex'
import { AREAS } from '../../../constants/catalogue'

export default function QueryIndex() {
  return (
    <PageShell>
      <AreaIndex area={AREAS.query} />
    </PageShell>
  )
}
