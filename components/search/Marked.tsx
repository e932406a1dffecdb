/** Text with the matched ranges in <mark>; plain React text, so nothing in it can run. */
export function Marked({ text, ranges }: { text: string; ranges: [number, number][] }) {
  if (!ranges.length) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
    if (a < at) continue;
    parts.push(text.slice(at, a), <mark key={a} className="rounded bg-amber-200 px-0.5 text-slate-900 dark:bg-amber-700 dark:text-white">{text.slice(a, b + 1)}</mark>);
    at = b + 1;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
