import { describe, expect, it } from 'vitest';
import {
  CONTRACT_PDF_MISSING,
  ContractSchema,
  decideMove,
  LEAD_STATUSES,
  LOST_REASONS,
  LostSchema,
  requirementFor,
} from './status-rules';
import en from '@/messages/en.json';
import ro from '@/messages/ro.json';

const contract = { contractNumber: 'C-1', contractValue: '12500.50', contractDate: '2026-02-28', contractDescription: 'Kitchen' };

describe('the status rule, edge by edge', () => {
  it('labels every status and every lost reason in words staff read, in every language (messages/<locale>.json, leads.*)', () => {
    expect(en.leads.statuses).toEqual({ prospect: 'Prospect', lead: 'Lead', sale_lead: 'Sale lead', opportunity: 'Opportunity', customer: 'Customer', lost: 'Lost' });
    expect(ro.leads.statuses).toEqual({ prospect: 'Prospect', lead: 'Lead', sale_lead: 'Lead de vânzare', opportunity: 'Oportunitate', customer: 'Client', lost: 'Pierdut' });
    expect(en.leads.lostReasons).toEqual({
      poor_qualification: 'Poor qualification',
      need: 'No need',
      wrong_time: 'Wrong time',
      price_too_high: 'Price too high',
      lost_momentum: 'Lost momentum',
      competition: 'Went to a competitor',
      abandoned: 'Abandoned',
      feature: 'Missing feature',
      other: 'Other',
    });
    for (const messages of [en, ro]) {
      expect(Object.keys(messages.leads.lostReasons)).toEqual([...LOST_REASONS]);
      expect(Object.keys(messages.leads.statuses)).toEqual([...LEAD_STATUSES]);
    }
  });

  it('asks a contract for customer, a reason for lost, nothing for the rest', () => {
    expect(LEAD_STATUSES.map(requirementFor)).toEqual(LEAD_STATUSES.map((s) => (s === 'customer' ? 'contract' : s === 'lost' ? 'lostReason' : 'none')));
    expect(decideMove({ from: 'lead', to: 'opportunity', contractPdfCount: 0 })).toEqual({ ok: true, requirement: 'none', noop: false });
    expect(decideMove({ from: 'customer', to: 'customer', contractPdfCount: 0 })).toEqual({ ok: true, requirement: 'contract', noop: true });
  });

  it('contract dates: a real calendar day, the whole value, nothing around it', () => {
    const date = (contractDate: string) => ContractSchema.safeParse({ ...contract, contractDate }).success;
    expect(date('2026-02-28')).toBe(true);
    expect(date(' 2024-02-29 ')).toBe(true);
    expect(date('2026-02-29')).toBe(false); // not a leap year
    expect(date('2026-13-01')).toBe(false);
    expect(date('2026-04-31')).toBe(false);
    expect(date('2026-00-10')).toBe(false);
    expect(date('2026-01-32')).toBe(false);
    expect(date('x2026-01-01')).toBe(false);
    expect(date('2026-01-01x')).toBe(false);
    expect(date('')).toBe(false);
    expect(ContractSchema.safeParse({ ...contract, contractDate: 'soon' }).error?.issues[0].message).toBe('A date (YYYY-MM-DD)');
  });

  it('contract values: digits with at most two decimals, the whole value', () => {
    const value = (contractValue: string) => ContractSchema.safeParse({ ...contract, contractValue }).success;
    expect(value('12500')).toBe(true);
    expect(value(' 12500.5 ')).toBe(true);
    expect(value('12500.50')).toBe(true);
    expect(value('12500.505')).toBe(false);
    expect(value('12500.')).toBe(false);
    expect(value('x12500')).toBe(false);
    expect(value('12500x')).toBe(false);
    expect(value('-5')).toBe(false);
    expect(ContractSchema.safeParse({ ...contract, contractValue: '1,5' }).error?.issues[0].message).toBe('A number, e.g. 12500 or 12500.50');
    expect(ContractSchema.safeParse({ ...contract, contractValue: '  ' }).error?.issues[0].message).toBe('Enter the contract value');
  });

  it('contract text fields: trimmed, required, bounded', () => {
    expect(ContractSchema.parse({ ...contract, contractNumber: '  C-9 ', contractDescription: ' Sofa ' })).toMatchObject({ contractNumber: 'C-9', contractDescription: 'Sofa' });
    expect(ContractSchema.safeParse({ ...contract, contractNumber: '   ' }).error?.issues[0].message).toBe('Enter the contract number');
    expect(ContractSchema.safeParse({ ...contract, contractNumber: 'x'.repeat(100) }).success).toBe(true);
    expect(ContractSchema.safeParse({ ...contract, contractNumber: 'x'.repeat(101) }).success).toBe(false);
    expect(ContractSchema.safeParse({ ...contract, contractDescription: ' ' }).error?.issues[0].message).toBe('Describe the contract');
    expect(ContractSchema.safeParse({ ...contract, contractDescription: 'x'.repeat(1000) }).success).toBe(true);
    expect(ContractSchema.safeParse({ ...contract, contractDescription: 'x'.repeat(1001) }).success).toBe(false);
  });

  it('a customer move names each missing part, and the PDF, in its field errors', () => {
    const noContract = decideMove({ from: 'opportunity', to: 'customer', contractPdfCount: 0 });
    expect(noContract).toEqual({
      ok: false,
      requirement: 'contract',
      message: 'A customer needs the contract number, value, date and description, and at least one contract PDF.',
      fieldErrors: {
        'contract.contractNumber': [expect.any(String)],
        'contract.contractValue': [expect.any(String)],
        'contract.contractDate': [expect.any(String)],
        'contract.contractDescription': [expect.any(String)],
        contractPdf: [CONTRACT_PDF_MISSING],
      },
    });
    // Only the PDF missing.
    expect(decideMove({ from: 'opportunity', to: 'customer', contract, contractPdfCount: 0 })).toEqual({
      ok: false,
      requirement: 'contract',
      message: 'A customer needs the contract number, value, date and description, and at least one contract PDF.',
      fieldErrors: { contractPdf: [CONTRACT_PDF_MISSING] },
    });
    // Only a field wrong: its one message, no PDF error.
    expect(decideMove({ from: 'opportunity', to: 'customer', contract: { ...contract, contractValue: 'lots' }, contractPdfCount: 1 })).toMatchObject({
      ok: false,
      fieldErrors: { 'contract.contractValue': ['A number, e.g. 12500 or 12500.50'] },
    });
    const ok = decideMove({ from: 'opportunity', to: 'customer', contract: { ...contract, contractNumber: ' C-1 ' }, contractPdfCount: 2 });
    expect(ok).toEqual({ ok: true, requirement: 'contract', noop: false, contract });
  });

  it('a lost move needs one of the nine reasons; the comment is optional, trimmed, bounded', () => {
    const refused = { ok: false, requirement: 'lostReason', message: 'A lost lead needs one of the nine reasons.', fieldErrors: { 'lost.reasonLost': ['Choose one of the reasons'] } };
    expect(decideMove({ from: 'lead', to: 'lost', contractPdfCount: 0 })).toEqual(refused);
    expect(decideMove({ from: 'lead', to: 'lost', lost: { reasonLost: 'bored' }, contractPdfCount: 0 })).toEqual(refused);
    expect(decideMove({ from: 'lead', to: 'lost', lost: { reasonLost: 'competition', comment: '  went next door ' }, contractPdfCount: 0 })).toEqual({
      ok: true,
      requirement: 'lostReason',
      noop: false,
      lost: { reasonLost: 'competition', comment: 'went next door' },
    });
    expect(decideMove({ from: 'lead', to: 'lost', lost: { reasonLost: 'need', comment: '   ' }, contractPdfCount: 0 })).toEqual({
      ok: true,
      requirement: 'lostReason',
      noop: false,
      lost: { reasonLost: 'need', comment: undefined },
    });
    expect(LostSchema.safeParse({ reasonLost: 'nope' }).error?.issues[0].message).toBe('Choose one of the reasons');
    expect(LostSchema.safeParse({ reasonLost: 'other', comment: 'x'.repeat(1000) }).success).toBe(true);
    expect(LostSchema.safeParse({ reasonLost: 'other', comment: 'x'.repeat(1001) }).success).toBe(false);
  });
});
