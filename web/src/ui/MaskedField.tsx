import { Controller } from 'react-hook-form';
import type { Control, FieldValues, Path } from 'react-hook-form';
import { TextField } from './Field';
import type { TextFieldProps } from './Field';

/** A TextField of a react-hook-form form whose text is re-masked on every change. */
export function MaskedField<T extends FieldValues>({
  control,
  name,
  mask,
  ...props
}: Omit<TextFieldProps, 'name' | 'value' | 'onChange' | 'onBlur' | 'error'> & {
  control: Control<T>;
  name: Path<T>;
  mask: (text: string) => string;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextField
          {...props}
          error={fieldState.error?.message}
          {...field}
          value={field.value as string}
          onChange={(e) => field.onChange(mask(e.target.value))}
        />
      )}
    />
  );
}
