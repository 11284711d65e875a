import { describe, expect, it } from 'vitest';
import { allowedTransitions, isTransitionAllowed } from './status';

describe('order status moves', () => {
  it('follows the state machine', () => {
    expect(isTransitionAllowed('OPEN', 'COMPLETED')).toBe(true);
    expect(isTransitionAllowed('COMPLETED', 'IN_PROGRESS')).toBe(true);
    expect(isTransitionAllowed('COMPLETED', 'OPEN')).toBe(false);
    expect(isTransitionAllowed('CANCELLED', 'OPEN')).toBe(false);
  });
  it('lets OWNER and MANAGER cancel and reopen', () => {
    expect(allowedTransitions('OPEN', 'OWNER')).toContain('CANCELLED');
    expect(allowedTransitions('COMPLETED', 'MANAGER')).toEqual(['IN_PROGRESS']);
  });
  it('keeps MECHANIC to progress, waiting and completion', () => {
    expect(allowedTransitions('OPEN', 'MECHANIC')).toEqual([
      'IN_PROGRESS',
      'WAITING_PARTS',
      'COMPLETED',
    ]);
    expect(allowedTransitions('COMPLETED', 'MECHANIC')).toEqual([]);
  });
  it('does not let ATTENDANT cancel or reopen', () => {
    expect(allowedTransitions('IN_PROGRESS', 'ATTENDANT')).toEqual(['WAITING_PARTS', 'COMPLETED']);
    expect(allowedTransitions('COMPLETED', 'ATTENDANT')).toEqual([]);
    expect(allowedTransitions('CANCELLED', 'OWNER')).toEqual([]);
  });
});
