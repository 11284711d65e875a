import { MotoList } from '@/modules/workshop/components/MotoList';

export function MotosPage() {
  return <MotoList />;
}
