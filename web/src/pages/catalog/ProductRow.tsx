// A search hit; "Edit" turns its price and stock into inputs. PUT
// /api/v1/products/{sku} replaces the whole product, so the product is read
// first and sent back with the new price and stock.
import { useState } from "preact/hooks";
import { pathId, request } from "../../api";
import { ErrorBanner } from "../../components/ErrorBanner";
import { LabeledInput } from "../../components/Field";
import { formatInt, formatMoney } from "../../format";
import { useAction } from "../../hooks/useAction";
import { t } from "../../i18n";
import type { Product, SearchHit } from "../../types";

interface Props {
  rank: number;
  hit: SearchHit;
  onSaved: (hit: SearchHit) => void;
}

function cents(price: number): number {
  return Math.round(price * 100);
}

// A number input in its own cell, named for screen readers.
function NumberCell(props: { id: string; form: string; label: string; step: string; value: string; onValue: (v: string) => void }) {
  return (
    <td class="num">
      <LabeledInput
        id={props.id}
        label={props.label}
        labelClass="visually-hidden"
        form={props.form}
        class="num-input"
        type="number"
        min="0"
        step={props.step}
        required
        value={props.value}
        onValue={props.onValue}
      />
    </td>
  );
}

export function ProductRow({ rank, hit, onSaved }: Props) {
  const [editing, setEditing] = useState(false);
  const [price, setPrice] = useState("");
  const [stock, setStock] = useState("");
  const { busy, error, setError, run } = useAction();
  const id = `p-${rank}`;

  function edit() {
    setPrice(hit.price.toFixed(2));
    setStock(String(hit.stock));
    setError(null);
    setEditing(true);
  }

  async function save(e: Event) {
    e.preventDefault();
    const p = Number(price);
    const s = Number(stock);
    if (!Number.isFinite(p) || p < 0 || !Number.isInteger(s) || s < 0) {
      setError(t("catalog.bad_number"));
      return;
    }
    const path = `/api/v1/products/${pathId(hit.sku)}`;
    const saved = await run(async () => {
      const current = await request<Product>(path);
      return request<Product>(path, {
        method: "PUT",
        body: {
          sku: current.sku,
          name: current.name,
          category: current.category,
          currency: current.currency,
          description: current.description,
          image_url: current.image_url,
          colors: current.colors,
          sizes: current.sizes,
          tags: current.tags,
          price_cents: cents(p),
          stock: s,
        },
      });
    });
    if (!saved) return;
    onSaved({ ...hit, price: saved.price, stock: saved.stock, currency: saved.currency });
    setEditing(false);
  }

  const formId = `${id}-form`;
  return (
    <tr data-sku={hit.sku}>
      <td class="num muted">{rank}</td>
      <td class="wide">
        {hit.name}
        {hit.category ? <div class="muted small">{hit.category}</div> : null}
        {editing ? <ErrorBanner message={error} /> : null}
      </td>
      <td class="mono nowrap">{hit.sku}</td>
      {editing ? (
        <>
          <NumberCell
            id={`${id}-price`}
            form={formId}
            label={t("catalog.price_of", hit.sku, hit.currency)}
            step="0.01"
            value={price}
            onValue={setPrice}
          />
          <NumberCell id={`${id}-stock`} form={formId} label={t("catalog.stock_of", hit.sku)} step="1" value={stock} onValue={setStock} />
        </>
      ) : (
        <>
          <td class="num nowrap">{formatMoney(cents(hit.price), hit.currency)}</td>
          <td class="num">{formatInt(hit.stock)}</td>
        </>
      )}
      <td class="num">{typeof hit.score === "number" ? hit.score.toFixed(3) : "–"}</td>
      <td class="nowrap">
        {editing ? (
          <form id={formId} class="row-actions" onSubmit={save}>
            <button type="submit" disabled={busy}>
              {t("common.save")}
            </button>
            <button type="button" class="button-quiet" onClick={() => setEditing(false)} disabled={busy}>
              {t("common.cancel")}
            </button>
          </form>
        ) : (
          <button type="button" class="button-secondary" onClick={edit} aria-label={t("catalog.edit_of", hit.sku)}>
            {t("catalog.edit")}
          </button>
        )}
      </td>
    </tr>
  );
}
