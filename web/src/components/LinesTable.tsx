// Product lines with their total: an order's, or a cart's.
import { formatMoney } from "../format";
import { t } from "../i18n";
import type { CartLine } from "../types";
import { DataTable } from "./DataTable";

interface Props {
  label: string;
  name: string; // data-table
  lines: CartLine[];
  totalCents: number;
  currency: string;
}

export function LinesTable({ label, name, lines, totalCents, currency }: Props) {
  return (
    <DataTable
      label={label}
      name={name}
      columns={[
        { head: t("order.sku"), cls: "mono nowrap", cell: (l) => l.sku },
        {
          head: t("order.product"),
          cls: "wide",
          cell: (l) => (
            <>
              {l.name}
              {l.color || l.size ? <span class="muted"> ({[l.color, l.size].filter(Boolean).join(", ")})</span> : null}
            </>
          ),
        },
        { head: t("order.quantity"), num: true, cell: (l) => l.quantity },
        { head: t("order.unit_price"), num: true, cell: (l) => formatMoney(l.unit_price_cents, l.currency) },
        { head: t("order.line_total"), num: true, cell: (l) => formatMoney(l.line_total_cents, l.currency) },
      ]}
      rows={lines}
      rowKey={(l, i) => `${l.sku}-${i}`}
      foot={{ label: t("order.total"), span: 4, cells: [{ value: formatMoney(totalCents, currency) }] }}
    />
  );
}
