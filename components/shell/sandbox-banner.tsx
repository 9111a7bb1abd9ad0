export function SandboxBanner() {
  return (
    <div role="note" data-testid="sandbox-banner" className="bg-amber-300 px-4 py-2 text-center text-sm font-semibold text-amber-950">
      Sandbox mode: vendors are simulated, no real customer is contacted. For training and demos only.
    </div>
  );
}
