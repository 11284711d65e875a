import { StaffList } from '@/modules/team/components/StaffList';

export function StaffPage() {
  return <StaffList />;
}
