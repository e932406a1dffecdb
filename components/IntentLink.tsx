'use client';
import Link from 'next/link';
import { useState, type ComponentProps } from 'react';

/**
 * A link that fetches its page ahead only once the reader shows intent (pointer over it, focus,
 * a touch), as Next's guide on prefetching suggests: the default prefetches every link as soon as
 * it is on screen, so the header alone made each page download ~450 kB of page data (the error
 * index is 300 kB of it), and a scrolled list one page per entry.
 */
export function IntentLink({ onMouseEnter, onFocus, onTouchStart, ...props }: Omit<ComponentProps<typeof Link>, 'prefetch'>) {
  const [intent, setIntent] = useState(false);
  return (
    <Link
      {...props}
      prefetch={intent ? null : false}
      onMouseEnter={(e) => {
        setIntent(true);
        onMouseEnter?.(e);
      }}
      onFocus={(e) => {
        setIntent(true);
        onFocus?.(e);
      }}
      onTouchStart={(e) => {
        setIntent(true);
        onTouchStart?.(e);
      }}
    />
  );
}
