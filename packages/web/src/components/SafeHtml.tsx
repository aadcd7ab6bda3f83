import DOMPurify from 'dompurify';
import { useMemo } from 'react';

/**
 * HTML rendered from a document's markdown. The server sanitises it; the browser sanitises it again with DOMPurify
 * (no scripts, handlers, forms, frames or styles) before it touches the page.
 */
export function SafeHtml({ html, label }: { html: string; label: string }) {
  const clean = useMemo(
    () =>
      DOMPurify.sanitize(html, {
        USE_PROFILES: { html: true },
        FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe', 'object', 'embed'],
        FORBID_ATTR: ['style'],
      }),
    [html],
  );
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by DOMPurify just above.
  return <article className="markdown-body" aria-label={label} dangerouslySetInnerHTML={{ __html: clean }} />;
}
