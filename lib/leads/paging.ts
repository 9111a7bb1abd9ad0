/** The table's paging, shared by the query and the browser. Pure. */
import { TABLE_PAGE_SIZE } from './filters';

/** The last page there is for `total` rows (1 when there are none). */
export function lastPageOf(total: number, pageSize: number = TABLE_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** A page asked for, brought within 1…last. */
export function clampPage(page: number, total: number, pageSize: number = TABLE_PAGE_SIZE): number {
  return Math.min(Math.max(1, Math.trunc(page) || 1), lastPageOf(total, pageSize));
}
