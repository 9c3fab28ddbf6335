import Button, { type ButtonProps } from '@helsenorge/designsystem-react/components/Button';
import type { MouseEvent, ReactNode } from 'react';
import { useNavigate } from 'react-router';

type ButtonLinkProps = Pick<ButtonProps, 'variant' | 'size' | 'arrow' | 'fluid'> & {
  href: string;
  children: ReactNode;
  /** A full page load instead of in-app navigation, for server routes such as `/auth/login`. */
  reload?: boolean;
};

/**
 * A link that looks like a design-system button. In-app targets navigate without reloading, except when the
 * user asks for a new tab or window (modifier keys, middle click).
 */
export function ButtonLink({ href, children, reload = false, ...look }: ButtonLinkProps) {
  const navigate = useNavigate();
  return (
    <Button
      {...look}
      htmlMarkup="a"
      href={href}
      onClick={(e) => {
        if (reload || !isPlainClick(e)) {
          return;
        }
        e?.preventDefault();
        void navigate(href);
      }}
    >
      {children}
    </Button>
  );
}

function isPlainClick(e: unknown): e is MouseEvent {
  if (typeof e !== 'object' || e === null || !('button' in e)) {
    return false;
  }
  const m = e as MouseEvent;
  return m.button === 0 && !m.metaKey && !m.ctrlKey && !m.shiftKey && !m.altKey;
}
