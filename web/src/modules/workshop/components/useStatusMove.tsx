import { useState } from 'react';
import type { ReactNode } from 'react';
import { errorMessage } from '@/lib/api/errors';
import { useConfirm } from '@/ui/Confirm';
import { useToast } from '@/ui/Toast';
import { useSetOrderStatus } from '../hooks';
import { STATUS_LABELS } from '../status';
import type { Id, OrderStatus } from '../types';

interface MovableOrder {
  id: Id;
  number: number;
}

/** What completing and cancelling do, asked before either (neither is undone lightly). */
function confirmation(order: MovableOrder, to: OrderStatus) {
  if (to === 'COMPLETED') {
    return {
      title: `Concluir a OS #${order.number}?`,
      message: 'Os itens ficam travados e a conta a receber da OS é criada.',
      confirmLabel: 'Concluir',
      danger: false,
    };
  }
  if (to === 'CANCELLED') {
    return {
      title: `Cancelar a OS #${order.number}?`,
      message: 'As peças da OS voltam ao estoque. Uma OS cancelada não pode ser reaberta.',
      confirmLabel: 'Cancelar OS',
      danger: true,
    };
  }
  return null;
}

/**
 * Moving an order to another status, from its page or the board: asks before completing or
 * cancelling, toasts the move, keeps the server's refusal. Render `dialog`.
 */
export function useStatusMove() {
  const setStatus = useSetOrderStatus();
  const toast = useToast();
  const [confirm, dialog] = useConfirm();
  const [refusal, setRefusal] = useState<string | null>(null);

  const move = async (order: MovableOrder, to: OrderStatus) => {
    const ask = confirmation(order, to);
    if (ask && !(await confirm(ask))) return;
    setRefusal(null);
    setStatus.mutate(
      { id: order.id, status: to },
      {
        onSuccess: () => toast.show(`OS #${order.number}: ${STATUS_LABELS[to]}.`),
        onError: (error) => setRefusal(errorMessage(error)),
      },
    );
  };

  const pending = setStatus.isPending ? setStatus.variables : undefined;
  return {
    move,
    refusal,
    /** The move being sent, if any. */
    pending,
    dialog: dialog as ReactNode,
  };
}
