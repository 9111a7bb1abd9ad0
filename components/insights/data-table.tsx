import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { RowHeader, Table, Td, Tr } from '@/components/ui/table';
import type { CardTable } from '@/lib/insights/tables';

/** A card's numbers as a table (the chart's text equivalent, and the CSV's cells). */
export function DataTable({ table }: { table: CardTable }) {
  const t = useTranslations('insights.table');
  const numeric = (c: number) => (table.columns[c]?.numeric ? 'text-right tabular-nums' : '');
  return (
    <Table
      testId={`table-${table.id}`}
      caption={table.caption}
      columns={table.columns.map((c) => ({ key: c.key, label: c.label, className: c.numeric ? 'text-right' : '' }))}
      rowCount={table.rows.length}
      empty={t('empty')}
    >
      {table.rows.map((row, r) => (
        <Tr key={r} className="border-slate-100">
          {row.map((cell, c) => {
            const leadId = c === 0 ? table.leadIds?.[r] : undefined;
            const content = leadId ? (
              <Link href={`/leads/${encodeURIComponent(leadId)}`} className="text-blue-800 underline">
                {cell}
              </Link>
            ) : (
              cell
            );
            return c === 0 ? (
              <RowHeader key={c} className={`font-normal ${numeric(c)}`}>
                {content}
              </RowHeader>
            ) : (
              <Td key={c} className={numeric(c)}>
                {content}
              </Td>
            );
          })}
        </Tr>
      ))}
    </Table>
  );
}
