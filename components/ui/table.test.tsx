// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, click, must, render } from '@/lib/testing/render';
import { RowHeader, Table, Td, Tr } from './table';

afterEach(cleanup);

const COLUMNS = [
  { key: 'name', label: 'Name', sortable: true, title: 'Sort by last name' },
  { key: 'status', label: 'Status', sortable: true },
  { key: 'note', label: 'Note' },
  { key: 'actions', label: 'Actions', hiddenLabel: true },
];

const rows = (
  <>
    <Tr>
      <RowHeader>Ada</RowHeader>
      <Td>Active</Td>
      <Td>—</Td>
      <Td>
        <button type="button">Edit</button>
      </Td>
    </Tr>
  </>
);

describe('Table', () => {
  it('names itself with its caption, hidden or shown', () => {
    const { container } = render(
      <Table caption="Open cases" columns={COLUMNS} rowCount={1} testId="cases">
        {rows}
      </Table>,
    );
    const caption = must(container, 'table[data-testid="cases"] > caption');
    expect(caption.textContent).toBe('Open cases');
    expect(caption.className).not.toContain('sr-only');
    cleanup();
    const hidden = render(
      <Table caption="Open cases" captionHidden columns={COLUMNS} rowCount={1}>
        {rows}
      </Table>,
    );
    expect(must(hidden.container, 'caption').className).toContain('sr-only');
  });

  it('gives every header scope=col and aria-sort only to sortable columns, saying the current sort', () => {
    const { container } = render(
      <Table caption="c" columns={COLUMNS} rowCount={1} sort={{ key: 'status', direction: 'descending' }} onSort={() => {}}>
        {rows}
      </Table>,
    );
    const headers = Array.from(container.querySelectorAll('thead th'));
    expect(headers.map((h) => h.getAttribute('scope'))).toEqual(['col', 'col', 'col', 'col']);
    expect(headers.map((h) => h.getAttribute('aria-sort'))).toEqual(['none', 'descending', null, null]);
    // The arrow is decoration: the header's name stays its label.
    expect(must(headers[1], 'span[aria-hidden="true"]').textContent).toBe('▼');
    expect(must(headers[0], 'span[aria-hidden="true"]').textContent).toBe('↕');
  });

  it('makes a sortable header a button that reports its column, with its title', () => {
    const onSort = vi.fn();
    const { container } = render(
      <Table caption="c" columns={COLUMNS} rowCount={1} sort={{ key: 'name', direction: 'ascending' }} onSort={onSort}>
        {rows}
      </Table>,
    );
    const headers = container.querySelectorAll('thead th');
    const button = must<HTMLButtonElement>(headers[0], 'button');
    expect(button.type).toBe('button');
    expect(button.title).toBe('Sort by last name');
    expect(headers[0].getAttribute('aria-sort')).toBe('ascending');
    click(button);
    click(must(headers[1], 'button'));
    expect(onSort.mock.calls).toEqual([['name'], ['status']]);
    // Not sortable: no control in the header.
    expect(headers[2].querySelector('button, a')).toBeNull();
  });

  it('makes a sortable header a link on server tables', () => {
    const { container } = render(
      <Table caption="c" columns={COLUMNS} rowCount={1} sort={{ key: 'name', direction: 'ascending' }} sortHref={(k) => `/cases?sort=${k}`}>
        {rows}
      </Table>,
    );
    const links = Array.from(container.querySelectorAll<HTMLAnchorElement>('thead a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/cases?sort=name', '/cases?sort=status']);
  });

  it('without onSort or sortHref, sortable columns are plain headers without aria-sort', () => {
    const { container } = render(
      <Table caption="c" columns={COLUMNS} rowCount={1}>
        {rows}
      </Table>,
    );
    expect(container.querySelectorAll('thead button, thead a')).toHaveLength(0);
    expect(container.querySelectorAll('thead th[aria-sort]')).toHaveLength(0);
  });

  it('keeps a hidden-label header named for screen readers', () => {
    const { container } = render(
      <Table caption="c" columns={COLUMNS} rowCount={1}>
        {rows}
      </Table>,
    );
    const last = container.querySelectorAll('thead th')[3];
    expect(must(last, '.sr-only').textContent).toBe('Actions');
  });

  it('shows the empty state across every column when there are no rows, keeping caption and headers', () => {
    const { container } = render(
      <Table caption="Open cases" columns={COLUMNS} rowCount={0} empty="No open cases." testId="cases">
        {rows}
      </Table>,
    );
    const cells = container.querySelectorAll('tbody td');
    expect(cells).toHaveLength(1);
    expect(cells[0].getAttribute('colspan')).toBe('4');
    expect(cells[0].textContent).toBe('No open cases.');
    expect(cells[0].getAttribute('data-testid')).toBe('cases-empty');
    expect(container.querySelector('tbody th')).toBeNull();
    expect(container.querySelectorAll('thead th')).toHaveLength(4);
    expect(must(container, 'caption').textContent).toBe('Open cases');
  });

  it('renders the rows when there are some, and row headers with scope=row', () => {
    const { container } = render(
      <Table caption="c" columns={COLUMNS} rowCount={1} empty="No open cases.">
        {rows}
      </Table>,
    );
    expect(container.textContent).not.toContain('No open cases.');
    expect(must(container, 'tbody th').getAttribute('scope')).toBe('row');
    expect(container.querySelectorAll('tbody td')).toHaveLength(3);
  });
});
