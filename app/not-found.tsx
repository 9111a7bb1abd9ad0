import { StatusCard } from '@/components/shell/status-card';

/** An address outside every section of the console: the card is the page's one main landmark. */
export default function NotFound() {
  return <StatusCard kind="notFound" as="main" />;
}
