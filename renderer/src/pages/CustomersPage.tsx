import { ComingSoon } from '../components/ComingSoon'
export function CustomersPage() {
  return <ComingSoon title="Customers" what="customers" />
}
