import { describe, expect, it } from 'vitest';
import { moveLabel } from './status';

describe('moveLabel', () => {
  it('names a move by where it goes', () => {
    expect(moveLabel('OPEN', 'IN_PROGRESS')).toBe('Iniciar serviço');
    expect(moveLabel('WAITING_PARTS', 'IN_PROGRESS')).toBe('Iniciar serviço');
    expect(moveLabel('OPEN', 'WAITING_PARTS')).toBe('Aguardar peças');
    expect(moveLabel('IN_PROGRESS', 'COMPLETED')).toBe('Concluir');
    expect(moveLabel('OPEN', 'CANCELLED')).toBe('Cancelar OS');
  });
  it('calls moving a completed order back a reopening', () => {
    expect(moveLabel('COMPLETED', 'IN_PROGRESS')).toBe('Reabrir OS');
  });
});
