import { Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import type { Customer } from '../../../../shared/domain/customers'
import { useChannelMutation } from '../../shared/data/queries'

/**
 * Deactivates a customer after a confirmation, or reactivates one at once. The core refuses
 * to deactivate a customer who still has active vehicles and names them; that is shown as is.
 */
export function useCustomerActive() {
  const setActive = useChannelMutation('customers.setActive')

  const apply = async (customer: Customer, active: boolean) => {
    try {
      await setActive.mutateAsync({ id: customer.id, active })
      notifications.show({ color: active ? 'green' : 'gray', message: `${customer.name} ${active ? 'reactivated' : 'deactivated'}` })
    } catch (error) {
      notifications.show({
        color: 'red',
        title: `${customer.name} is still active`,
        message: error instanceof Error ? error.message : String(error),
        autoClose: 10_000,
      })
    }
  }

  return (customer: Customer) => {
    if (!customer.active) return void apply(customer, true)
    modals.openConfirmModal({
      title: `Deactivate ${customer.name}?`,
      children: <Text size="sm">They leave the customer list and cannot be given new vehicles until reactivated. Their records stay.</Text>,
      labels: { confirm: 'Deactivate', cancel: 'Keep active' },
      confirmProps: { color: 'red' },
      onConfirm: () => void apply(customer, false),
    })
  }
}
