import { PartList } from '@/modules/workshop/components/PartList';

export function PartsPage() {
  return <PartList />;
}
