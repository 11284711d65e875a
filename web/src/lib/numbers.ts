/** A kilometre count as shown ("15.000"); "—" when unknown. */
export function formatKm(km: number | null | undefined): string {
  return km != null ? km.toLocaleString('pt-BR') : '—';
}
