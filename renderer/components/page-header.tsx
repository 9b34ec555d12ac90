import { useEffect, useRef, type ReactNode } from 'react';

type PageHeaderProps = {
  readonly title: string;
  readonly children?: ReactNode;
  /** Move keyboard and screen-reader focus to the heading when the page appears. */
  readonly autoFocus?: boolean;
};

export function PageHeader({ title, children, autoFocus = true }: PageHeaderProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (autoFocus) heading.current?.focus();
  }, [autoFocus, title]);
  return (
    <header className="rr-page-header">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </header>
  );
}
