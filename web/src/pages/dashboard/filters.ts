// The dashboard's filters, as every analytics list takes them.
export interface Filters {
  from: string;
  to: string;
  channel: string;
}

export function filterParams(f: Filters): Record<string, string> {
  return { from: f.from, to: f.to, channel: f.channel };
}
