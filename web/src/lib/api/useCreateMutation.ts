import { useRef } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { UseMutationOptions } from '@tanstack/react-query';
import { SubmissionKeys } from './idempotency';

/**
 * A mutation that creates something: `create` gets the submission's Idempotency-Key (see
 * SubmissionKeys), so a retry of the same submission cannot create it twice.
 */
export function useCreateMutation<TInput, TResult>(
  create: (input: TInput, idempotencyKey: string) => Promise<TResult>,
  options: Omit<UseMutationOptions<TResult, Error, TInput>, 'mutationFn'> = {},
) {
  const keys = useRef<SubmissionKeys | null>(null);
  keys.current ??= new SubmissionKeys();
  const submissions = keys.current;
  return useMutation({
    ...options,
    mutationFn: async (input: TInput) => {
      const key = submissions.keyFor(input);
      try {
        const result = await create(input, key);
        submissions.settle();
        return result;
      } catch (error) {
        submissions.settle(error);
        throw error;
      }
    },
  });
}
