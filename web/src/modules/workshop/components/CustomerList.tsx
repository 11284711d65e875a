import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { UserPlus } from 'lucide-react';
import { PAGE_SIZE, useDebounced, useListParams } from '@/lib/hooks';
import { maskDocument, maskPhone } from '@/lib/masks';
import { useCurrentUser } from '@/modules/identity/session';
import { Button } from '@/ui/Button';
import { PageHeader } from '@/ui/Card';
import { Dialog } from '@/ui/Dialog';
import { TextField } from '@/ui/Field';
import { Pagination } from '@/ui/Pagination';
import { EmptyState, ErrorState, Loading } from '@/ui/States';
import { Table, td, th } from '@/ui/Table';
import { useToast } from '@/ui/Toast';
import { useCustomers } from '../hooks';
import { CustomerForm } from './CustomerForm';
import { customerQuery } from '../search';

export function CustomerList() {
  const { can } = useCurrentUser();
  const navigate = useNavigate();
  const toast = useToast();
  const { text, setText, offset, setOffset } = useListParams();
  const [creating, setCreating] = useState(false);
  const q = useDebounced(customerQuery(text), 300);
  const customers = useCustomers({ q, limit: PAGE_SIZE, offset });

  return (
    <div>
      <PageHeader
        title="Clientes"
        actions={
          can.write_customers && (
            <Button
              icon={<UserPlus className="h-4 w-4" aria-hidden />}
              onClick={() => setCreating(true)}
            >
              Novo cliente
            </Button>
          )
        }
      />
      <div className="mb-3 max-w-md">
        <TextField
          label="Buscar cliente"
          type="search"
          placeholder="Nome, telefone, e-mail ou CPF/CNPJ"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {customers.isPending ? (
        <Loading />
      ) : customers.isError ? (
        <ErrorState error={customers.error} onRetry={() => void customers.refetch()} />
      ) : customers.data.items.length === 0 ? (
        <EmptyState
          title={q ? 'Nenhum cliente encontrado.' : 'Nenhum cliente cadastrado.'}
          description={q ? 'Tente outro termo de busca.' : undefined}
        />
      ) : (
        <>
          <Table label="Clientes">
            <thead className="bg-slate-50">
              <tr>
                <th className={th}>Nome</th>
                <th className={th}>Telefone</th>
                <th className={th}>CPF/CNPJ</th>
                <th className={th}>E-mail</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {customers.data.items.map((c) => (
                <tr key={c.id} className="hover:bg-slate-50">
                  <td className={td}>
                    <Link to={`/clientes/${c.id}`} className="font-medium text-primary underline">
                      {c.name}
                    </Link>
                    {c.is_active === false && (
                      <span className="ml-2 text-xs text-slate-500">(inativo)</span>
                    )}
                  </td>
                  <td className={`${td} whitespace-nowrap`}>
                    {c.phone ? maskPhone(c.phone) : '—'}
                  </td>
                  <td className={`${td} whitespace-nowrap`}>
                    {c.document ? maskDocument(c.document) : '—'}
                  </td>
                  <td className={td}>{c.email || '—'}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination
            total={customers.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={setOffset}
          />
        </>
      )}
      <Dialog open={creating} title="Novo cliente" onClose={() => setCreating(false)}>
        <CustomerForm
          onCancel={() => setCreating(false)}
          onSaved={(c) => {
            setCreating(false);
            toast.show('Cliente cadastrado.');
            navigate(`/clientes/${c.id}`);
          }}
        />
      </Dialog>
    </div>
  );
}
