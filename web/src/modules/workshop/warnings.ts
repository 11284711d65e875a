import { formatKm } from '@/lib/numbers';

export interface OrderInfoWarnings {
  km_at_entry?: string;
  scheduled_date?: string;
}

/**
 * What is worth a second look in an order's km and date, without blocking: a km below the
 * motorcycle's odometer, and a scheduled date (newly chosen) before `today`.
 */
export function orderInfoWarnings(
  values: { km_at_entry: string; scheduled_date: string },
  { odometer, savedDate, today }: { odometer?: number | null; savedDate?: string; today: string },
): OrderInfoWarnings {
  const warnings: OrderInfoWarnings = {};
  const km = values.km_at_entry.trim();
  if (/^\d+$/.test(km) && odometer != null && Number(km) < odometer) {
    warnings.km_at_entry = `Abaixo do km atual da moto (${formatKm(odometer)} km). Confira.`;
  }
  const date = values.scheduled_date;
  if (date && date !== savedDate && date < today) {
    warnings.scheduled_date = 'Esta data já passou. Confira.';
  }
  return warnings;
}
