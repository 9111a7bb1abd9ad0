import Link from 'next/link';
import type { CardTable } from '@/lib/insights/tables';

/** A card's numbers as a table (the chart's text equivalent, and the CSV's cells). */
export function DataTable({ table }: { table: CardTable }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-testid={`table-${table.id}`}>
        <caption className="py-2 text-left text-sm font-medium text-slate-700">{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={`border-b border-slate-300 px-2 py-1 font-semibold ${c.numeric ? 'text-right' : ''}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length} className="px-2 py-3 text-slate-700">
                No data in this period.
              </td>
            </tr>
          ) : (
            table.rows.map((row, r) => (
              <tr key={r} className="border-b border-slate-100">
                {row.map((cell, c) => {
                  const leadId = c === 0 ? table.leadIds?.[r] : undefined;
                  const Cell = c === 0 ? 'th' : 'td';
                  return (
                    <Cell key={c} scope={c === 0 ? 'row' : undefined} className={`px-2 py-1 ${c === 0 ? 'font-normal' : ''} ${table.columns[c]?.numeric ? 'text-right tabular-nums' : ''}`}>
                      {leadId ? (
                        <Link href={`/leads/${encodeURIComponent(leadId)}`} className="text-blue-800 underline">
                          {cell}
                        </Link>
                      ) : (
                        cell
                      )}
                    </Cell>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
