import { useEffect, useRef, useState } from 'react';

/**
 * Shows an HTML document (a deliverable or an email) in a sandboxed iframe via srcdoc. The sandbox allows no
 * scripts; `allow-same-origin` (safe without `allow-scripts`) lets the app size the frame to its content and
 * handle its links: `#section` links scroll the page to the section, links into this app navigate within it
 * (`onNavigate`), and any other link opens in a new tab.
 */
export function SandboxedHtml({
  html,
  title,
  minHeight = 400,
  onNavigate,
}: {
  html: string;
  title: string;
  minHeight?: number;
  onNavigate?: (path: string) => void;
}) {
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(minHeight);
  const navigateRef = useRef(onNavigate);
  useEffect(() => {
    navigateRef.current = onNavigate;
  });

  useEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    let observer: ResizeObserver | null = null;
    let doc: Document | null = null;

    const measure = () => {
      const root = frame.contentDocument?.documentElement;
      if (!root) return;
      const h = Math.max(root.scrollHeight, frame.contentDocument?.body?.scrollHeight ?? 0);
      if (h > 0) setHeight(Math.max(minHeight, h + 8));
    };

    const onClick = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.('a[href]');
      if (!link || !doc) return;
      const href = link.getAttribute('href') ?? '';
      if (href.startsWith('#')) {
        e.preventDefault();
        const id = decodeURIComponent(href.slice(1));
        const target = doc.getElementById(id) ?? doc.getElementsByName(id)[0];
        if (target) {
          const top =
            frame.getBoundingClientRect().top + window.scrollY + target.getBoundingClientRect().top - 72;
          window.scrollTo({ top, behavior: 'smooth' });
        }
        return;
      }
      let url: URL;
      try {
        url = new URL(href, window.location.href);
      } catch {
        return;
      }
      if (!/^(https?|mailto):$/.test(url.protocol)) {
        e.preventDefault();
        return;
      }
      if (url.protocol === 'mailto:') return;
      e.preventDefault();
      if (url.origin === window.location.origin && navigateRef.current) {
        navigateRef.current(`${url.pathname}${url.search}${url.hash}`);
      } else {
        window.open(url.href, '_blank', 'noopener,noreferrer');
      }
    };

    const onLoad = () => {
      doc = frame.contentDocument;
      measure();
      doc?.addEventListener('click', onClick);
      if (doc?.body && typeof ResizeObserver !== 'undefined') {
        observer?.disconnect();
        observer = new ResizeObserver(measure);
        observer.observe(doc.body);
      }
    };
    frame.addEventListener('load', onLoad);
    window.addEventListener('resize', measure);
    return () => {
      frame.removeEventListener('load', onLoad);
      window.removeEventListener('resize', measure);
      doc?.removeEventListener('click', onClick);
      observer?.disconnect();
    };
  }, [html, minHeight]);

  return (
    <iframe
      ref={ref}
      className="doc-frame"
      title={title}
      srcDoc={html}
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
      referrerPolicy="no-referrer"
      style={{ height }}
    />
  );
}
