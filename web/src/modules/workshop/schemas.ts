import { z } from 'zod';
import { isValidDocument } from '@/lib/documents';
import { isValidPhone, isValidPlate } from '@/lib/masks';
import { parseMoneyInput } from '@/lib/money';

const optionalText = z.string().trim().optional().or(z.literal(''));

export const customerSchema = z.object({
  name: z.string().trim().min(1, 'Informe o nome.').max(200, 'Nome muito longo.'),
  phone: z
    .string()
    .trim()
    .refine((v) => v === '' || isValidPhone(v), 'Telefone inválido: use DDD + número.'),
  email: z
    .string()
    .trim()
    .refine((v) => v === '' || z.string().email().safeParse(v).success, 'E-mail inválido.'),
  document: z
    .string()
    .trim()
    .refine((v) => v === '' || isValidDocument(v), 'CPF/CNPJ inválido (dígitos verificadores).'),
  notes: optionalText,
});
export type CustomerForm = z.infer<typeof customerSchema>;

/** Kilometres as typed: empty or up to 7 digits. */
export const kmField = z
  .string()
  .trim()
  .refine((v) => v === '' || /^\d{1,7}$/.test(v), 'Quilometragem inválida.');

const currentYear = new Date().getFullYear();

export const motoSchema = z.object({
  plate: z
    .string()
    .trim()
    .min(1, 'Informe a placa.')
    .refine(isValidPlate, 'Placa inválida (ex.: ABC-1234 ou ABC1D23).'),
  brand: optionalText,
  model: optionalText,
  year: z
    .string()
    .trim()
    .refine(
      (v) => v === '' || (/^\d{4}$/.test(v) && Number(v) >= 1900 && Number(v) <= currentYear + 1),
      'Ano inválido.',
    ),
  vin: optionalText,
  km_current: kmField,
});
export type MotoForm = z.infer<typeof motoSchema>;

export const moneyField = (required: boolean) =>
  z
    .string()
    .trim()
    .refine((v) => (v === '' ? !required : (parseMoneyInput(v) ?? -1) >= 0), {
      message: required ? 'Informe um valor válido (ex.: 150,75).' : 'Valor inválido.',
    });

export const partSchema = z.object({
  sku: z.string().trim().min(1, 'Informe o código (SKU).').max(60, 'Código muito longo.'),
  name: z.string().trim().min(1, 'Informe o nome.'),
  unit_price: moneyField(true),
  cost_price: moneyField(false),
  min_stock: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d+$/.test(v), 'Número inválido.'),
  location: optionalText,
  initial_stock: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d+$/.test(v), 'Número inválido.'),
});
export type PartForm = z.infer<typeof partSchema>;

export const movementSchema = z.object({
  movement_type: z.enum(['in', 'out', 'adjust']),
  quantity: z
    .string()
    .trim()
    .refine((v) => /^\d+$/.test(v), 'Informe a quantidade.'),
  reason: z.string().trim().min(1, 'Informe o motivo.'),
});
export type MovementForm = z.infer<typeof movementSchema>;

/** The service order's own data, as edited on its page. */
export const orderInfoSchema = z.object({
  description: z.string().trim(),
  km_at_entry: kmField,
  scheduled_date: z.string().trim(),
});
export type OrderInfoForm = z.infer<typeof orderInfoSchema>;
export const ORDER_INFO_FIELDS = ['description', 'km_at_entry', 'scheduled_date'] as const;

/** A new service order needs its description. */
export const newOrderSchema = orderInfoSchema.extend({
  description: z.string().trim().min(1, 'Descreva o serviço ou o problema.'),
});
