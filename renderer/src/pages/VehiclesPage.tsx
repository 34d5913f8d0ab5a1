import { ComingSoon } from '../components/ComingSoon'
export function VehiclesPage() {
  return <ComingSoon title="Vehicles" what="vehicles" />
}
