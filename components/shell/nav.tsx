'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export function Nav({ items, label }: { items: { href: string; label: string }[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1">
        {items.map((item) => {
          const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href} className="max-w-full">
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className={`inline-flex min-h-11 max-w-full items-center rounded-lg px-3 break-words text-base font-medium ${
                  current ? 'bg-blue-700 text-white' : 'text-slate-800 hover:bg-slate-200'
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
