/** "1 conta vencida", "2 contas vencidas": the count with the words that agree with it. */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
