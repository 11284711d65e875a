import { Navigate, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '@/modules/identity/session';
import { NewOrderFlow } from '@/modules/workshop/components/NewOrderFlow';
import { PageHeader } from '@/ui/Card';
import { useToast } from '@/ui/Toast';

export function NewOrderPage() {
  const { can } = useCurrentUser();
  const navigate = useNavigate();
  const toast = useToast();
  if (!can.write_orders) return <Navigate to="/os" replace />;
  return (
    <div>
      <PageHeader title="Nova OS" />
      <NewOrderFlow
        onCreated={(id) => {
          toast.show('OS aberta.');
          navigate(`/os/${id}`);
        }}
      />
    </div>
  );
}
