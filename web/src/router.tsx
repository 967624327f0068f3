/** Hash routing: #/overview, #/ai, #/findings, #/connections. Nothing sensitive ever goes in the hash. */
import { useEffect, useState } from 'preact/hooks';

export const views = [
  { id: 'overview', label: 'Overview' },
  { id: 'ai', label: 'AI security' },
  { id: 'findings', label: 'Findings' },
  { id: 'connections', label: 'Connections' },
] as const;
export type ViewId = (typeof views)[number]['id'];

function current(): ViewId {
  const id = window.location.hash.replace(/^#\/?/, '').split('?')[0];
  return views.find((v) => v.id === id)?.id ?? 'overview';
}

export function useView(): ViewId {
  const [view, setView] = useState<ViewId>(current);
  useEffect(() => {
    const follow = () => setView(current());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return view;
}
