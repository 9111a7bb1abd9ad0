import { describe, expect, it } from 'vitest';
import { LEAD_STATUSES } from '@/lib/vendors/footprints/schemas';
import { filtersFromParams, filtersToParams } from './filters';
import { checkPdfFiles, MAX_PDF_BYTES } from './pdf';
import { READ_MODEL_STATUSES } from './constants';
import { CONTRACT_PDF_MISSING, decideMove, requirementFor } from './status-rules';

const contract = { contractNumber: 'C-1', contractValue: '1200.50', contractDate: '2026-03-01', contractDescription: 'Kitchen' };
const PDF_HEAD = new TextEncoder().encode('%PDF-1.7');

describe('the status rule', () => {
  it('asks a contract for customer, a reason for lost, nothing otherwise', () => {
    expect(requirementFor('customer')).toBe('contract');
    expect(requirementFor('lost')).toBe('lostReason');
    for (const s of ['prospect', 'lead', 'sale_lead', 'opportunity'] as const) expect(requirementFor(s)).toBe('none');
  });

  it('refuses customer without the four contract fields, naming each', () => {
    const d = decideMove({ from: 'lead', to: 'customer', contract: {}, contractPdfCount: 1 });
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(Object.keys(d.fieldErrors).sort()).toEqual(['contract.contractDate', 'contract.contractDescription', 'contract.contractNumber', 'contract.contractValue']);
  });

  it('refuses customer with a full contract but no PDF uploaded', () => {
    const d = decideMove({ from: 'opportunity', to: 'customer', contract, contractPdfCount: 0 });
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.fieldErrors.contractPdf).toEqual([CONTRACT_PDF_MISSING]);
    // The words staff read, not only the constant's name (an emptied message would still equal itself).
    expect(CONTRACT_PDF_MISSING).toBe('Upload at least one signed contract PDF before moving the lead to customer.');
  });

  it('accepts customer with a full contract and one PDF', () => {
    const d = decideMove({ from: 'opportunity', to: 'customer', contract, contractPdfCount: 1 });
    expect(d).toMatchObject({ ok: true, contract });
  });

  it('refuses a bad value or date', () => {
    const d = decideMove({ from: 'lead', to: 'customer', contract: { ...contract, contractValue: 'lots', contractDate: '2026-02-30' }, contractPdfCount: 1 });
    expect(d.ok).toBe(false);
    if (!d.ok) expect(Object.keys(d.fieldErrors).sort()).toEqual(['contract.contractDate', 'contract.contractValue']);
  });

  it('refuses lost without one of the nine reasons, accepts it with one', () => {
    expect(decideMove({ from: 'lead', to: 'lost', contractPdfCount: 0 }).ok).toBe(false);
    expect(decideMove({ from: 'lead', to: 'lost', lost: { reasonLost: 'too_expensive' }, contractPdfCount: 0 }).ok).toBe(false);
    expect(decideMove({ from: 'lead', to: 'lost', lost: { reasonLost: 'competition', comment: 'went next door' }, contractPdfCount: 0 })).toMatchObject({
      ok: true,
      lost: { reasonLost: 'competition', comment: 'went next door' },
    });
  });

  it('lets a plain move and a no-op through', () => {
    expect(decideMove({ from: 'lead', to: 'sale_lead', contractPdfCount: 0 })).toMatchObject({ ok: true, noop: false });
    expect(decideMove({ from: 'customer', to: 'customer', contractPdfCount: 0 })).toMatchObject({ ok: true, noop: true });
  });

  it('the read model allows exactly the vendor statuses', () => {
    expect([...READ_MODEL_STATUSES]).toEqual([...LEAD_STATUSES]);
  });
});

describe('PDF checks', () => {
  it('accepts a PDF, refuses a renamed non-PDF, an empty file, one over 10 MB and a sixth file', () => {
    expect(checkPdfFiles([{ name: 'a.pdf', size: 100, type: 'application/pdf', head: PDF_HEAD }])).toEqual([]);
    const fake = checkPdfFiles([{ name: 'contract.pdf', size: 100, type: 'application/pdf', head: new TextEncoder().encode('PK\u0003\u0004') }]);
    expect(fake).toEqual(['contract.pdf is not a PDF: its content is not a PDF document, whatever its name says.']);
    expect(checkPdfFiles([{ name: 'e.pdf', size: 0, type: 'application/pdf', head: new Uint8Array() }])[0]).toMatch(/empty/);
    expect(checkPdfFiles([{ name: 'big.pdf', size: MAX_PDF_BYTES + 1, type: 'application/pdf', head: PDF_HEAD }])[0]).toMatch(/limit is 10 MB/);
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `${i}.pdf`, size: 10, type: 'application/pdf', head: PDF_HEAD }));
    expect(checkPdfFiles(six)[0]).toMatch(/At most 5 files/);
    expect(checkPdfFiles([{ name: 'x.pdf', size: 10, type: 'image/png', head: PDF_HEAD }])[0]).toMatch(/type image\/png/);
  });
});

describe('filters in the URL', () => {
  const now = new Date('2026-05-20T10:00:00Z');
  it('defaults to the last 30 days in the store zone', () => {
    const f = filtersFromParams({}, now, 'Europe/Bucharest');
    expect(f).toMatchObject({ from: '2026-04-21', to: '2026-05-20', sort: 'created', dir: 'desc', page: 1 });
  });
  it('round-trips a shared view', () => {
    const f = filtersFromParams({ from: '2026-01-01', to: '2026-02-01', status: 'lost', q: 'ana', consultant: 'u1', sort: 'value', dir: 'asc' }, now, 'UTC');
    const qs = filtersToParams(f, 'table');
    expect(qs.toString()).toBe('from=2026-01-01&to=2026-02-01&status=lost&consultant=u1&q=ana&view=table&sort=value&dir=asc');
    expect(filtersFromParams(qs, now, 'UTC')).toEqual(f);
  });
  it('ignores an unknown status and a reversed range', () => {
    const f = filtersFromParams({ status: 'won', from: '2026-03-01', to: '2026-01-01' }, now, 'UTC');
    expect(f.status).toBeUndefined();
    expect(f.from <= f.to).toBe(true);
  });
});
