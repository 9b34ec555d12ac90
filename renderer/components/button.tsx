import type { ComponentPropsWithRef, ReactNode } from 'react';

type ButtonProps = ComponentPropsWithRef<'button'> & {
  readonly variant?: 'default' | 'primary' | 'danger' | 'link';
  readonly children: ReactNode;
};

export function Button({ variant = 'default', className, type = 'button', children, ...rest }: ButtonProps) {
  const classes = ['rr-button', variant !== 'default' ? `rr-button--${variant}` : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <button type={type} className={classes} {...rest}>
      {children}
    </button>
  );
}
