// A table described by its columns: a header cell each, and how a row fills
// its cell. Rows that edit themselves (catalog, users) bring their own <tr>
// through renderRow; the columns then give only the header.
import { Fragment, type ComponentChildren, type VNode } from "preact";
import { TableWrap } from "./TableWrap";

// data-* attributes and the like, put on a row or a cell as they are.
export type Attrs = Record<string, string | number | boolean | undefined>;
export type RowAttrs = {
  [data: `data-${string}`]: string | number | boolean | undefined;
  class?: string;
  onClick?: (e: MouseEvent) => void;
};

export interface Column<T> {
  head: ComponentChildren;
  num?: boolean; // numbers: right-aligned, header and cells
  cls?: string; // the cells' own class
  rowHeader?: boolean; // the cell names the row: <th scope="row">
  cell?: (row: T, index: number) => ComponentChildren;
  attrs?: (row: T) => Attrs;
}

export interface FootRow {
  label: string;
  span?: number;
  cells: { value: ComponentChildren; attrs?: Attrs }[]; // numbers
}

interface Props<T> {
  label: string; // the scrolling region's accessible name
  name: string; // data-table, for tests and styles
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T, index: number) => string;
  rowAttrs?: (row: T) => RowAttrs;
  renderRow?: (row: T, index: number) => VNode;
  empty?: string; // said in one row when there are no rows
  foot?: FootRow;
}

function classes(...names: (string | false | undefined)[]): string | undefined {
  return names.filter(Boolean).join(" ") || undefined;
}

function Row<T>({ row, index, columns, attrs }: { row: T; index: number; columns: Column<T>[]; attrs?: RowAttrs }) {
  return (
    <tr {...attrs}>
      {columns.map((c, i) => {
        const cls = classes(c.num && "num", c.cls);
        const content = c.cell?.(row, index);
        const extra = c.attrs?.(row);
        return c.rowHeader ? (
          <th key={i} scope="row" class={cls} {...extra}>
            {content}
          </th>
        ) : (
          <td key={i} class={cls} {...extra}>
            {content}
          </td>
        );
      })}
    </tr>
  );
}

export function DataTable<T>({ label, name, columns, rows, rowKey, rowAttrs, renderRow, empty, foot }: Props<T>) {
  return (
    <TableWrap label={label}>
      <table data-table={name}>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" class={c.num ? "num" : undefined}>
                {c.head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && empty ? (
            <tr>
              <td colSpan={columns.length} class="empty">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row, i) =>
              renderRow ? (
                <Fragment key={rowKey(row, i)}>{renderRow(row, i)}</Fragment>
              ) : (
                <Row key={rowKey(row, i)} row={row} index={i} columns={columns} attrs={rowAttrs?.(row)} />
              ),
            )
          )}
        </tbody>
        {foot ? (
          <tfoot>
            <tr>
              <th scope="row" colSpan={foot.span}>
                {foot.label}
              </th>
              {foot.cells.map((c, i) => (
                <td key={i} class="num" {...c.attrs}>
                  {c.value}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </TableWrap>
  );
}
