import { channel } from './define'
import { customerSchemas as s, type Customer, type CustomerSummary } from '../domain/customers'

export const customersContract = {
  'customers.list': channel<CustomerSummary[]>()(s.list),
  'customers.get': channel<Customer>()(s.get),
  'customers.create': channel<Customer>()(s.create),
  'customers.update': channel<Customer>()(s.update),
  'customers.setActive': channel<Customer>()(s.setActive),
}
