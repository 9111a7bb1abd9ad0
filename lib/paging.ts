/** Paging of lists (pipeline table, audit trail, privacy cases), shared by queries and pages. Pure. */

/** The last page there is for `total` rows (1 when there are none). */
export function lastPageOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** A page asked for, brought within 1…last: a page past the last shows the last one. */
export function clampPage(page: number, total: number, pageSize: number): number {
  return Math.min(Math.max(1, Math.trunc(page) || 1), lastPageOf(total, pageSize));
}
