import { Link } from 'react-router-dom';
import { PAGE_SIZE, useDebounced, useListParams } from '@/lib/hooks';
import { formatPlate } from '@/lib/masks';
import { formatKm } from '@/lib/numbers';
import { PageHeader } from '@/ui/Card';
import { TextField } from '@/ui/Field';
import { Pagination } from '@/ui/Pagination';
import { EmptyState, ErrorState, Loading } from '@/ui/States';
import { Table, td, th } from '@/ui/Table';
import { useMotos } from '../hooks';

export function MotoList() {
  const { text, setText, offset, setOffset } = useListParams();
  const q = useDebounced(text.trim(), 300);
  const motos = useMotos({ q, limit: PAGE_SIZE, offset });
  return (
    <div>
      <PageHeader title="Motos" />
      <p className="mb-3 text-sm text-slate-600">
        Para cadastrar uma moto, abra o cliente ou use a Nova OS.
      </p>
      <div className="mb-3 max-w-md">
        <TextField
          label="Buscar moto"
          type="search"
          placeholder="Placa, marca ou modelo"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {motos.isPending ? (
        <Loading />
      ) : motos.isError ? (
        <ErrorState error={motos.error} onRetry={() => void motos.refetch()} />
      ) : motos.data.items.length === 0 ? (
        <EmptyState title={q ? 'Nenhuma moto encontrada.' : 'Nenhuma moto cadastrada.'} />
      ) : (
        <>
          <Table label="Motos">
            <thead className="bg-slate-50">
              <tr>
                <th className={th}>Placa</th>
                <th className={th}>Marca / modelo</th>
                <th className={th}>Ano</th>
                <th className={th}>Km</th>
                <th className={th}>Cliente</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {motos.data.items.map((m) => (
                <tr key={m.id} className="hover:bg-slate-50">
                  <td className={td}>
                    <Link to={`/motos/${m.id}`} className="font-medium text-primary underline">
                      {formatPlate(m.plate)}
                    </Link>
                  </td>
                  <td className={td}>{[m.brand, m.model].filter(Boolean).join(' ') || '—'}</td>
                  <td className={td}>{m.year ?? '—'}</td>
                  <td className={td}>{formatKm(m.km_current)}</td>
                  <td className={td}>
                    <Link to={`/clientes/${m.customer_id}`} className="text-primary underline">
                      {m.customer_name}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination
            total={motos.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={setOffset}
          />
        </>
      )}
    </div>
  );
}
