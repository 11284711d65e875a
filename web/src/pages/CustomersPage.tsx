import { CustomerList } from '@/modules/workshop/components/CustomerList';

export function CustomersPage() {
  return <CustomerList />;
}
