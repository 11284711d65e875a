import { z } from 'zod';
import { todayIso } from '@/lib/dates';
import { centsToApi, parseMoneyInput } from '@/lib/money';
import { parsePercentInput } from '@/lib/percent';
import { isCard, PAYMENT_METHODS } from './labels';
import type { PaymentInput, PaymentMethod } from './types';

/** One way the money came (or went): what the pay forms ask for each payment. */
export interface PaymentLine {
  payment_method: PaymentMethod;
  amount: string;
  /** Card installments (credit only), 1–24. */
  installments: string;
  /** The card's fee in percent ("3,49"), optional. */
  card_fee_percent: string;
}

export const PAYMENT_LINE_FIELDS = [
  'payment_method',
  'amount',
  'installments',
  'card_fee_percent',
] as const;

export const paymentLineSchema = z
  .object({
    payment_method: z.enum(PAYMENT_METHODS),
    amount: z
      .string()
      .trim()
      .refine(
        (v) => (parseMoneyInput(v) ?? 0) > 0,
        'Informe um valor maior que zero (ex.: 150,75).',
      ),
    installments: z.string().trim(),
    card_fee_percent: z.string().trim(),
  })
  .superRefine((line, ctx) => {
    if (line.payment_method === 'CARTAO_CREDITO') {
      const n = Number(line.installments || '1');
      if (!/^\d{1,2}$/.test(line.installments || '1') || n < 1 || n > 24) {
        ctx.addIssue({ code: 'custom', path: ['installments'], message: 'De 1 a 24 parcelas.' });
      }
    }
    if (
      isCard(line.payment_method) &&
      line.card_fee_percent &&
      parsePercentInput(line.card_fee_percent) === null
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['card_fee_percent'],
        message: 'Percentual de 0 a 100, até duas casas (ex.: 3,49).',
      });
    }
  });

export function newPaymentLine(amountCents: number, method: PaymentMethod = 'PIX'): PaymentLine {
  return {
    payment_method: method,
    amount: amountCents > 0 ? centsToApi(amountCents).replace('.', ',') : '',
    installments: '1',
    card_fee_percent: '',
  };
}

/**
 * A payment as sent. `paidAt` (YYYY-MM-DD) goes only when it is not today: today's payment
 * takes the server's "now", so it lands in the open register and today's cash flow.
 */
export function toPaymentInput(line: PaymentLine, paidAt?: string): PaymentInput {
  const input: PaymentInput = {
    amount: centsToApi(parseMoneyInput(line.amount) ?? 0),
    payment_method: line.payment_method,
  };
  if (paidAt && paidAt !== todayIso()) input.paid_at = paidAt;
  if (line.payment_method === 'CARTAO_CREDITO')
    input.installments = Number(line.installments || '1');
  if (isCard(line.payment_method) && line.card_fee_percent.trim()) {
    input.card_fee_percent = parsePercentInput(line.card_fee_percent) ?? '0';
  }
  return input;
}

/** The sum of the lines' amounts, in cents (lines that are not amounts count as zero). */
export function linesTotalCents(lines: readonly Pick<PaymentLine, 'amount'>[]): number {
  return lines.reduce((sum, l) => sum + Math.max(0, parseMoneyInput(l.amount) ?? 0), 0);
}
