/** The statuses the read model keeps (leads_read_model.status): the same values as LEAD_STATUSES in lib/vendors/footprints/schemas.ts (a test keeps them equal). */
export const READ_MODEL_STATUSES = ['prospect', 'lead', 'sale_lead', 'opportunity', 'customer', 'lost'] as const;
