import { useSearchParams } from 'react-router-dom';
import { useDebounced } from '@/lib/hooks';
import { SelectField, TextField } from '@/ui/Field';
import {
  ACCOUNT_STATUS_LABELS,
  ACCOUNT_STATUSES,
  CATEGORY_LABELS,
  PAYABLE_CATEGORIES,
  SOURCE_LABELS,
} from '../labels';
import type { AccountFilters, AccountKind, PayableCategory } from '../types';

const OPEN = 'PENDING,PARTIAL';

/**
 * The list's filters as the URL keeps them: `status` (OPEN by default: what is still to
 * settle), `party` (customer or supplier words), `origem` or `categoria`, `de`/`ate` on the due
 * date, `vencidas=1`, and the page (`offset`).
 */
export function useAccountParams(kind: AccountKind) {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? OPEN;
  const party = params.get('busca') ?? '';
  const source = params.get('origem') ?? '';
  const category = params.get('categoria') ?? '';
  const fromDue = params.get('de') ?? '';
  const toDue = params.get('ate') ?? '';
  const overdue = params.get('vencidas') === '1';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const update = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value !== null && (value !== '' || key === 'status')) next.set(key, value);
          else next.delete(key);
        }
        if (!('offset' in changes)) next.delete('offset');
        return next;
      },
      { replace: true },
    );
  const debouncedParty = useDebounced(party.trim(), 300);
  const filters: AccountFilters = {
    status: status || undefined,
    from_due: fromDue || undefined,
    to_due: toDue || undefined,
    overdue: overdue ? '1' : undefined,
    offset,
  };
  if (kind === 'receivable') {
    filters.customer = debouncedParty || undefined;
    filters.source_type = (source as 'MANUAL' | 'OS') || undefined;
  } else {
    filters.supplier = debouncedParty || undefined;
    filters.category = (category as PayableCategory) || undefined;
  }
  return { status, party, source, category, fromDue, toDue, overdue, offset, update, filters };
}

export function AccountFiltersBar({ kind }: { kind: AccountKind }) {
  const p = useAccountParams(kind);
  return (
    <form
      aria-label="Filtros"
      className="grid grid-cols-1 gap-3 min-[400px]:grid-cols-2 md:grid-cols-3 xl:grid-cols-6"
      onSubmit={(e) => e.preventDefault()}
    >
      <SelectField
        label="Situação"
        value={p.status}
        onChange={(e) => p.update({ status: e.target.value })}
      >
        <option value={OPEN}>Em aberto (pendentes e parciais)</option>
        <option value="">Todas</option>
        {ACCOUNT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {ACCOUNT_STATUS_LABELS[s]}
          </option>
        ))}
      </SelectField>
      <TextField
        label={kind === 'receivable' ? 'Cliente' : 'Fornecedor'}
        type="search"
        autoComplete="off"
        value={p.party}
        onChange={(e) => p.update({ busca: e.target.value })}
      />
      {kind === 'receivable' ? (
        <SelectField
          label="Origem"
          value={p.source}
          onChange={(e) => p.update({ origem: e.target.value })}
        >
          <option value="">Todas</option>
          <option value="OS">{SOURCE_LABELS.OS}</option>
          <option value="MANUAL">{SOURCE_LABELS.MANUAL}</option>
        </SelectField>
      ) : (
        <SelectField
          label="Categoria"
          value={p.category}
          onChange={(e) => p.update({ categoria: e.target.value })}
        >
          <option value="">Todas</option>
          {PAYABLE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </option>
          ))}
        </SelectField>
      )}
      <TextField
        label="Vencimento de"
        type="date"
        value={p.fromDue}
        max={p.toDue || undefined}
        onChange={(e) => p.update({ de: e.target.value })}
      />
      <TextField
        label="Vencimento até"
        type="date"
        value={p.toDue}
        min={p.fromDue || undefined}
        onChange={(e) => p.update({ ate: e.target.value })}
      />
      <label className="flex items-center gap-2 self-end pb-2 text-sm font-medium text-slate-700">
        <input
          type="checkbox"
          checked={p.overdue}
          onChange={(e) => p.update({ vencidas: e.target.checked ? '1' : null })}
          className="h-4 w-4 rounded border-slate-300"
        />
        Só vencidas
      </label>
    </form>
  );
}
