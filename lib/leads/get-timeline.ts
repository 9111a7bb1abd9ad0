import 'server-only';
import { formatFootprintsDateTime, parseFootprintsDate } from '@/lib/vendors/footprints/dates';
import type { LeadAction, LeadActionType } from '@/lib/vendors/footprints/schemas';
import type { LeadDeps } from './deps';

export interface TimelineEntry {
  id: string;
  typeId: string;
  typeName: string;
  detail: string;
  /** ISO instant. */
  date: string | null;
  /** "Y-m-d H:i" in the store's zone, for the edit form. */
  localDate: string;
  attachments: string[];
}

export interface Timeline {
  entries: TimelineEntry[];
  types: { id: string; name: string }[];
}

export async function getTimeline(deps: LeadDeps, leadId: string): Promise<Timeline> {
  const [actions, types] = await Promise.all([deps.client.getLeadActions(deps.accessToken, leadId), deps.client.getLeadActionTypes(deps.accessToken)]);
  const typeNames = new Map(types.map((t: LeadActionType) => [t._id, t.name]));
  const entries = actions
    .map((a: LeadAction) => {
      const typeId = typeof a.leadActionTypeId === 'string' ? a.leadActionTypeId : a.leadActionTypeId._id;
      const typeName = typeof a.leadActionTypeId === 'string' ? (typeNames.get(typeId) ?? typeId) : a.leadActionTypeId.name || (typeNames.get(typeId) ?? typeId);
      const date = parseFootprintsDate(a.date ?? a.createdAt, deps.timeZone);
      return {
        id: a._id,
        typeId,
        typeName,
        detail: a.actionDetail ?? '',
        date: date ? date.toISOString() : null,
        localDate: date ? formatFootprintsDateTime(date, deps.timeZone).slice(0, 16) : '',
        attachments: (a.attachments ?? []).map((x) => (typeof x === 'string' ? x : typeof x === 'object' && x && 'filename' in x ? String((x as { filename: unknown }).filename) : 'document')),
      };
    })
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  return { entries, types: types.map((t) => ({ id: t._id, name: t.name })) };
}
