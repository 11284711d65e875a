import type { BindField } from '@/lib/forms';
import { TextAreaField, TextField } from '@/ui/Field';
import type { OrderInfoForm } from '../schemas';
import type { OrderInfoWarnings } from '../warnings';

/** Description, km at entry and scheduled date of a service order (new or being edited). */
export function OrderInfoFields({
  field,
  warnings = {},
  autoFocus,
  placeholder,
}: {
  field: BindField<OrderInfoForm>;
  /** Non-blocking remarks on the km and the date (see orderInfoWarnings). */
  warnings?: OrderInfoWarnings;
  autoFocus?: boolean;
  placeholder?: string;
}) {
  return (
    <>
      <TextAreaField
        label="Descrição do serviço"
        autoFocus={autoFocus}
        rows={3}
        placeholder={placeholder}
        {...field('description')}
      />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField
          label="Km na entrada"
          inputMode="numeric"
          warning={warnings.km_at_entry}
          {...field('km_at_entry')}
        />
        <TextField
          label="Agendada para"
          type="date"
          warning={warnings.scheduled_date}
          {...field('scheduled_date')}
        />
      </div>
    </>
  );
}
