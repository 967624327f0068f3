/** Loading and error states, announced to screen readers. */
import type { ComponentChildren } from 'preact';
import type { Resource } from './use-resource.tsx';

export function ErrorNote({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p class="error" role="alert">
      {message}
    </p>
  );
}

/** The children once `resource` has data; a loading line or the error before. */
export function Loaded<T>({
  resource,
  label,
  children,
}: {
  resource: Resource<T>;
  label: string;
  children: (data: T) => ComponentChildren;
}) {
  if (resource.error) return <ErrorNote message={`Could not load ${label}: ${resource.error}`} />;
  if (resource.data === undefined)
    return (
      <p class="muted" aria-live="polite">
        Loading {label}…
      </p>
    );
  return <>{children(resource.data)}</>;
}
