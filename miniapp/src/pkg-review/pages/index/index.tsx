import PageShell from '../../../components/PageShell'
import AreaIndex from '../../../components/AreaIndex'
import { AREAS } from '../../../constants/catalogue'

export default function ReviewIndex() {
  return (
    <PageShell>
      <AreaIndex area={AREAS.review} />
    </PageShell>
  )
}
