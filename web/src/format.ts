// Numbers, money and dates as the console shows them.
import { language } from "./i18n";

const LOCALES = { en: "en-GB", es: "es-ES", ru: "ru-RU" } as const;

function locale(): string {
  return LOCALES[language()];
}

export function formatInt(n: number | undefined | null): string {
  if (typeof n !== "number" || !Number.isFinite(n)) return "–";
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(n);
}

export function formatUsd(n: number | undefined | null): string {
  if (typeof n !== "number" || !Number.isFinite(n)) return "–";
  return new Intl.NumberFormat(locale(), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 6,
  }).format(n);
}

export function formatMoney(cents: number | undefined | null, currency: string | undefined): string {
  if (typeof cents !== "number" || !Number.isFinite(cents)) return "–";
  const amount = cents / 100;
  if (currency && /^[A-Z]{3}$/.test(currency)) {
    try {
      return new Intl.NumberFormat(locale(), { style: "currency", currency }).format(amount);
    } catch {
      // an unknown code: fall through
    }
  }
  return `${amount.toFixed(2)} ${currency ?? ""}`.trim();
}

// A local date-time as the API gives it ("2026-11-23T15:00"): shown as is.
export function formatLocal(s: string | undefined | null): string {
  if (!s) return "–";
  return s.replace("T", " ");
}

// An ISO instant ("2026-11-22T03:49:21.43Z"): shown to the minute, in UTC.
export function formatIso(s: string | undefined | null): string {
  if (!s) return "–";
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/.exec(s);
  if (!m) return s;
  return s.endsWith("Z") ? `${m[1]} ${m[2]} UTC` : `${m[1]} ${m[2]}`;
}

export function isoDay(s: string | undefined | null): string {
  if (!s) return "–";
  return s.slice(0, 10);
}

// Local calendar days, YYYY-MM-DD.
export function dayString(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, "0");
  const day = String(d.getDate()).padStart(2, "0");
  return `${y}-${m}-${day}`;
}

export function today(): string {
  return dayString(new Date());
}

export function parseDay(s: string): Date | null {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(s);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return dayString(d) === s ? d : null;
}

export function addDays(day: string, n: number): string {
  const d = parseDay(day) ?? new Date();
  d.setDate(d.getDate() + n);
  return dayString(d);
}

// Monday and Sunday of the week holding `day`.
export function weekOf(day: string): { from: string; to: string } {
  const d = parseDay(day) ?? new Date();
  const back = (d.getDay() + 6) % 7;
  const from = addDays(dayString(d), -back);
  return { from, to: addDays(from, 6) };
}
