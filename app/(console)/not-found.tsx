import { StatusCard } from '@/components/shell/status-card';

/** notFound() in a console page: shown inside the console layout's `main` (one main landmark, not two). */
export default function ConsoleNotFound() {
  return <StatusCard kind="notFound" />;
}
