import Link from 'next/link';
import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { UiWord } from './ui-word';

export type SortDirection = 'ascending' | 'descending';

export interface TableColumn {
  key: string;
  label: ReactNode;
  /** Sortable columns get a button (onSort) or a link (sortHref) in their header and aria-sort. */
  sortable?: boolean;
  /** Visually hidden header (still named for screen readers), e.g. a column of row actions. */
  hiddenLabel?: boolean;
  /** A longer name for the sort control (its tooltip), e.g. "Sort by date created". */
  title?: string;
  className?: string;
}

export interface TableSort {
  key: string;
  direction: SortDirection;
}

export interface TableProps {
  /** Names the table for screen readers; shown unless captionHidden. */
  caption: ReactNode;
  captionHidden?: boolean;
  columns: readonly TableColumn[];
  /** The number of rows: 0 shows `empty` in place of the body. */
  rowCount: number;
  empty?: ReactNode;
  sort?: TableSort | null;
  /** Client tables: called with the column key when its header is activated. */
  onSort?: (key: string) => void;
  /** Server tables: the URL that sorts by this column. */
  sortHref?: (key: string) => string;
  testId?: string;
  /** Minimum width before the wrapper scrolls sideways (wide tables on a tablet), e.g. "min-w-[760px]". */
  minWidthClass?: string;
  /** Body text size: dense back-office tables use sm, hostess tables base. */
  textSize?: 'sm' | 'base' | 'xs';
  className?: string;
  /** Rows: <tr> elements (use Td / Th for their cells). */
  children?: ReactNode;
}

const TEXT = { xs: 'text-xs', sm: 'text-sm', base: 'text-base' } as const;

function SortLabel({ label, direction }: { label: ReactNode; direction: SortDirection | undefined }) {
  return (
    <>
      {label}
      <span aria-hidden="true" className="ml-1 text-xs">
        {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
      </span>
    </>
  );
}

/**
 * A data table: caption, column headers with scope, sortable headers that say their state (aria-sort) and
 * are keyboard controls, and an empty state inside the table so its caption and headers stay.
 */
export function Table({
  caption,
  captionHidden,
  columns,
  rowCount,
  empty = <UiWord word="nothingToShow" />,
  sort,
  onSort,
  sortHref,
  testId,
  minWidthClass = '',
  textSize = 'sm',
  className = '',
  children,
}: TableProps) {
  return (
    <div className="overflow-x-auto">
      <table className={`w-full text-left ${TEXT[textSize]} ${minWidthClass} ${className}`} data-testid={testId}>
        <caption className={captionHidden ? 'sr-only' : 'mb-2 text-left text-base font-semibold text-slate-900'}>{caption}</caption>
        <thead className="border-b border-slate-300 text-slate-700">
          <tr>
            {columns.map((c) => {
              const direction = sort?.key === c.key ? sort.direction : undefined;
              const sortable = c.sortable && (onSort || sortHref);
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={sortable ? (direction ?? 'none') : undefined}
                  className={`p-2 font-semibold ${c.className ?? ''}`}
                >
                  {c.hiddenLabel ? (
                    <span className="sr-only">{c.label}</span>
                  ) : sortable && onSort ? (
                    <button type="button" title={c.title} onClick={() => onSort(c.key)} className="inline-flex min-h-11 items-center rounded px-1 font-semibold underline-offset-2 hover:underline">
                      <SortLabel label={c.label} direction={direction} />
                    </button>
                  ) : sortable && sortHref ? (
                    <Link href={sortHref(c.key)} title={c.title} className="inline-flex min-h-11 items-center rounded px-1 font-semibold underline-offset-2 hover:underline">
                      <SortLabel label={c.label} direction={direction} />
                    </Link>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rowCount === 0 ? (
            <tr>
              <td colSpan={columns.length} className="p-3 text-base text-slate-700" data-testid={testId ? `${testId}-empty` : undefined}>
                {empty}
              </td>
            </tr>
          ) : (
            children
          )}
        </tbody>
      </table>
    </div>
  );
}

export function Tr({ className = '', ...rest }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={`border-b border-slate-200 align-top ${className}`} {...rest} />;
}

export function Td({ className = '', ...rest }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={`p-2 ${className}`} {...rest} />;
}

/** A row header (the cell that names its row). */
export function RowHeader({ className = '', ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="row" className={`p-2 text-left font-semibold ${className}`} {...rest} />;
}
