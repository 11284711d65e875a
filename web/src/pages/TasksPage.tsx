import { useSearchParams } from 'react-router-dom';
import { Columns3, List } from 'lucide-react';
import { TaskBoard } from '@/modules/team/components/TaskBoard';
import { TaskFiltersBar } from '@/modules/team/components/TaskFiltersBar';
import { TaskList } from '@/modules/team/components/TaskList';
import { PageHeader } from '@/ui/Card';
import { cn } from '@/ui/cn';

export function TasksPage() {
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'list' ? 'list' : 'board';
  const show = (v: 'board' | 'list') =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (v === 'list') next.set('view', 'list');
        else next.delete('view');
        next.delete('offset');
        next.delete('status');
        return next;
      },
      { replace: true },
    );
  const tab = (v: 'board' | 'list') =>
    cn(
      'inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium',
      view === v ? 'bg-primary text-on-primary' : 'text-slate-700 hover:bg-slate-100',
    );
  return (
    <div className="flex flex-col gap-3">
      <PageHeader title="Tarefas" />
      <div
        role="tablist"
        aria-label="Visualização"
        className="inline-flex gap-1 self-start rounded-lg border border-slate-200 bg-surface p-1"
      >
        <button
          type="button"
          role="tab"
          aria-selected={view === 'board'}
          className={tab('board')}
          onClick={() => show('board')}
        >
          <Columns3 className="h-4 w-4" aria-hidden /> Quadro
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={view === 'list'}
          className={tab('list')}
          onClick={() => show('list')}
        >
          <List className="h-4 w-4" aria-hidden /> Lista
        </button>
      </div>
      <TaskFiltersBar />
      {view === 'board' ? <TaskBoard /> : <TaskList />}
    </div>
  );
}
