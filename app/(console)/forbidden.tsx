import { StatusCard } from '@/components/shell/status-card';

/** forbidden() in a console page: shown inside the console layout's `main` (one main landmark, not two). */
export default function ConsoleForbidden() {
  return <StatusCard kind="forbidden" />;
}
