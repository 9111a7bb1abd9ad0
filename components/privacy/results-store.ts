/**
 * Where a lookup's activity rows live between the lookup and the export: this browser tab's memory, and
 * nowhere else. Nothing is written to localStorage, sessionStorage, IndexedDB or the server; a reload or
 * closing the tab drops the rows (the case still knows which windows were answered and their counts, and
 * "Resume" asks those windows again). Module state survives client-side navigation, so the printable
 * report (another route) reads the same rows.
 */
import type { ActivityRow, SubjectProfile } from '@/lib/privacy/results';

const rowsByLookup = new Map<string, Map<string, ActivityRow[]>>();
const profilesByCase = new Map<string, SubjectProfile>();

export function lookupRows(lookupId: string): Map<string, ActivityRow[]> {
  let rows = rowsByLookup.get(lookupId);
  if (!rows) {
    rows = new Map();
    rowsByLookup.set(lookupId, rows);
  }
  return rows;
}

export function putWindowRows(lookupId: string, windowId: string, rows: ActivityRow[]): void {
  lookupRows(lookupId).set(windowId, rows);
}

export function forgetLookup(lookupId: string): void {
  rowsByLookup.delete(lookupId);
}

export function caseProfile(caseId: string): SubjectProfile | undefined {
  return profilesByCase.get(caseId);
}

export function putCaseProfile(caseId: string, profile: SubjectProfile): void {
  profilesByCase.set(caseId, profile);
}

export function forgetWindowRows(lookupId: string, windowId: string): void {
  rowsByLookup.get(lookupId)?.delete(windowId);
}
