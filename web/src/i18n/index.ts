// t(key, ...args): the UI text in the signed-in user's language ({0}, {1} …
// take the arguments). es and ru have their own text; any other language
// (and the sign-in page) reads English.
import { en, type MessageKey, type Messages } from "./en";
import { es } from "./es";
import { ru } from "./ru";

export type { MessageKey } from "./en";
export type UiLanguage = "en" | "es" | "ru";

const catalogs: Record<UiLanguage, Messages> = { en, es, ru };
let current: UiLanguage = "en";

export function uiLanguageOf(language: string | undefined): UiLanguage {
  return language === "es" || language === "ru" ? language : "en";
}

export function setLanguage(language: string | undefined): void {
  current = uiLanguageOf(language);
  document.documentElement.lang = current;
}

export function language(): UiLanguage {
  return current;
}

export function t(key: MessageKey, ...args: (string | number)[]): string {
  const text = catalogs[current][key] ?? en[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (whole, i: string) => {
    const v = args[Number(i)];
    return v === undefined ? whole : String(v);
  });
}
