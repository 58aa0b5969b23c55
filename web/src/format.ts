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

// The shop's time zone (PARLEY_TIMEZONE, from the signed-in user's answer):
// an IANA name such as "Asia/Kolkata" or a fixed offset such as "+05:30".
let shopZone = "UTC";

export function setTimeZone(zone: string | undefined): void {
  shopZone = zone && zoneIsValid(zone) ? zone : "UTC";
}

export function timeZone(): string {
  return shopZone;
}

const OFFSET = /^([+-])(\d\d):(\d\d)$/;

function zoneIsValid(zone: string): boolean {
  if (OFFSET.test(zone)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const pad = (n: number) => String(n).padStart(2, "0");

// An instant (ms since the epoch) as the shop's calendar day and clock time.
export function shopLocal(ms: number): { day: string; time: string } {
  const offset = OFFSET.exec(shopZone);
  if (offset) {
    const sign = offset[1] === "-" ? -1 : 1;
    const d = new Date(ms + sign * (Number(offset[2]) * 60 + Number(offset[3])) * 60000);
    return {
      day: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
      time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
    };
  }
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat("en-GB", {
    timeZone: shopZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  for (const p of format.formatToParts(new Date(ms))) parts[p.type] = p.value;
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

// An ISO instant ("2026-11-22T03:49:21.43Z"): shown to the minute in the
// shop's time zone, as every other time in the console (the API's *_local).
export function formatIso(s: string | undefined | null): string {
  if (!s) return "–";
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return s;
  const { day, time } = shopLocal(ms);
  return `${day} ${time}`;
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

// Today in the shop's time zone: the dashboard's and the tasks' default day.
export function today(): string {
  return shopLocal(Date.now()).day;
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
