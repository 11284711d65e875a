import type { FieldBinding } from '@/lib/forms';
import { SelectField, TextField } from '@/ui/Field';
import { isCard, METHOD_LABELS, PAYMENT_METHODS } from '../labels';
import type { PaymentLine } from '../payment';

const INSTALLMENT_CHOICES = Array.from({ length: 24 }, (_, i) => i + 1);

/**
 * Method and amount of one payment; a credit card adds its installments, either card its fee
 * (receipts).
 * `bind` binds one of the line's fields; `method` is the line's method as typed now.
 */
export function PaymentLineFields({
  bind,
  method,
  label,
  autoFocus,
  withFee = true,
}: {
  bind: (name: keyof PaymentLine) => FieldBinding;
  method: string;
  /** Said before each label when a form has several lines ("Pagamento 2"). */
  label?: string;
  autoFocus?: boolean;
  /** The card's fee is kept on receipts only (what the workshop pays has none). */
  withFee?: boolean;
}) {
  const prefix = label ? `${label}: ` : '';
  return (
    <div className="grid grid-cols-1 gap-3 min-[400px]:grid-cols-2">
      <SelectField label={`${prefix}Forma de pagamento`} {...bind('payment_method')}>
        {PAYMENT_METHODS.map((m) => (
          <option key={m} value={m}>
            {METHOD_LABELS[m]}
          </option>
        ))}
      </SelectField>
      <TextField
        label={`${prefix}Valor (R$)`}
        inputMode="decimal"
        autoComplete="off"
        autoFocus={autoFocus}
        {...bind('amount')}
      />
      {method === 'CARTAO_CREDITO' && (
        <SelectField label={`${prefix}Parcelas no cartão`} {...bind('installments')}>
          {INSTALLMENT_CHOICES.map((n) => (
            <option key={n} value={String(n)}>
              {n === 1 ? 'À vista' : `${n}x`}
            </option>
          ))}
        </SelectField>
      )}
      {withFee && isCard(method) && (
        <TextField
          label={`${prefix}Taxa do cartão (%)`}
          inputMode="decimal"
          placeholder="0"
          hint="Fica à parte: o valor bruto quita a conta."
          {...bind('card_fee_percent')}
        />
      )}
    </div>
  );
}
