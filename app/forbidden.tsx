import { StatusCard } from '@/components/shell/status-card';

/** Outside the console's layout: the card is the page's one main landmark. */
export default function Forbidden() {
  return <StatusCard kind="forbidden" as="main" />;
}
