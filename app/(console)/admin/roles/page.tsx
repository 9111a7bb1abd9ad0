import { redirect } from 'next/navigation';

/** The roles page became staff administration (issue 12): old links and bookmarks land there. */
export default function RolesPage(): never {
  redirect('/admin/staff');
}
