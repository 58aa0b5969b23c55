// Tells the settings page once a section's first answers are in (data or an
// error), so the page shows every section at once and nothing jumps below.
import { useEffect } from "preact/hooks";

export function useSettled(settled: boolean, onSettled?: () => void): void {
  useEffect(() => {
    if (settled) onSettled?.();
  }, [settled, onSettled]);
}
